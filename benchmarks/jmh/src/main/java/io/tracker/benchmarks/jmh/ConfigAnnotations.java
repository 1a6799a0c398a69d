package io.tracker.benchmarks.jmh;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a configuration annotation the way Declarative Services does, so a component can be created
 * outside OSGi: a method answers its property ({@code ip_dimensions} reads {@code ip.dimensions}),
 * converted from the text a {@code .cfg} file holds, or its declared default when the property is absent.
 * Called once per benchmark setup, never in a measured method.
 */
public final class ConfigAnnotations {

    private ConfigAnnotations() {
    }

    public static <A> A of(Class<A> type, Map<String, ?> properties) {
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
                    Object value = properties.get(propertyName(method));
                    return value == null ? method.getDefaultValue() : convert(value, method);
            }
        });
        return type.cast(proxy);
    }

    /** The DS name mapping: {@code __} is {@code _}, a single {@code _} is {@code .}. */
    private static String propertyName(Method method) {
        return method.getName().replace("__", "\0").replace('_', '.').replace('\0', '_');
    }

    private static Object convert(Object value, Method method) {
        if (!(value instanceof String)) {
            return value;
        }
        String text = ((String) value).trim();
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return text;
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("property for " + method.getName() + " has type " + type
                + ", which the benchmarks' configuration reader does not convert");
    }
}
