package io.tracker.preprocessor.dedup.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a configuration annotation the way Declarative Services does: a method answers the value of its
 * property ({@code ip_dimensions} reads {@code ip.dimensions}), or its declared default when the property
 * is not set. So tests run against the real defaults.
 */
final class TestConfigs {

    private TestConfigs() {
    }

    static <A> A of(Class<A> type, Map<String, ?> properties) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + properties;
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    String key = method.getName().replace("__", "\0").replace('_', '.').replace('\0', '_');
                    return properties.containsKey(key) ? properties.get(key) : method.getDefaultValue();
            }
        });
        return type.cast(proxy);
    }
}
