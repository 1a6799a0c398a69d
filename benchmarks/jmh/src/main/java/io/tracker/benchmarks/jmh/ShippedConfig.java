package io.tracker.benchmarks.jmh;

import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeParser;
import io.tracker.processing.internal.eventtype.InvalidEventTypeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration files the distribution ships in {@code config/}, copied into this jar at build time
 * (see the pom), read as FileInstall hands them to ConfigAdmin: so the benchmarks measure the event types
 * and preprocessor settings a default installation runs with, and follow them when they change.
 */
public final class ShippedConfig {

    private static final String FOLDER = "shipped-config/";

    private ShippedConfig() {
    }

    /** The properties of {@code config/<file>}, with the file name FileInstall adds. */
    public static Map<String, Object> properties(String file) {
        Properties properties = new Properties();
        try (InputStream in = ShippedConfig.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("config/" + file + " is not in the benchmark jar; rebuild it");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("config/" + file + " cannot be read", e);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key).trim()));
        map.put("felix.fileinstall.filename", "file:/tracker/config/" + file);
        return map;
    }

    /** The event type defined by {@code config/io.tracker.eventtype-<name>.cfg}. */
    public static EventTypeDefinition eventType(String name) {
        try {
            return EventTypeParser.parse(properties("io.tracker.eventtype-" + name + ".cfg"));
        } catch (InvalidEventTypeException e) {
            throw new IllegalStateException("the shipped event type '" + name + "' does not parse: " + e.getMessage(), e);
        }
    }
}
