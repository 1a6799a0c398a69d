package io.tracker.collector.log.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link LogCollectorConfig} as SCR would give it: the annotation's defaults, some values overridden. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** @param overrides values by attribute method name, e.g. {@code roll_bytes} */
    static LogCollectorConfig logCollector(Map<String, Object> overrides) {
        return (LogCollectorConfig) Proxy.newProxyInstance(LogCollectorConfig.class.getClassLoader(),
                new Class<?>[] {LogCollectorConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return LogCollectorConfig.class;
                    }
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }
}
