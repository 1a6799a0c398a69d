package io.tracker.collector.banker.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a configuration annotation the way Declarative Services does: a method answers the value of its
 * property ({@code line_item_dimension} reads {@code line.item.dimension}, {@code _auth_token} reads
 * {@code .auth.token}), or its declared default when the property is not set. So tests run against the real
 * defaults.
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

    /** A banker configuration for {@code bankerUrl} with account {@code acme}, plus {@code more} key/value pairs. */
    static BankerConfig banker(String bankerUrl, Object... more) {
        return of(BankerConfig.class, properties(bankerUrl, more));
    }

    static Map<String, Object> properties(String bankerUrl, Object... more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("banker.url", bankerUrl);
        properties.put("account", "acme");
        for (int i = 0; i < more.length; i += 2) {
            properties.put((String) more[i], more[i + 1]);
        }
        return properties;
    }

    static BankerSettings settings(String bankerUrl, Object... more) {
        Map<String, Object> properties = properties(bankerUrl, more);
        return BankerSettings.from(of(BankerConfig.class, properties), properties, "test");
    }
}
