package io.tracker.processing.internal.eventtype;

import io.tracker.processing.spi.ResponseKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Event types for tests, parsed from configuration keys as a file would give them. Public for other packages. */
public final class TestTypes {

    public static final String FILE = "file:/x/config/io.tracker.eventtype-test.cfg";

    private TestTypes() {
    }

    /**
     * Parses {@code key, value, key, value, ...}; the name defaults to the one the file name gives,
     * {@code test}, and the path to {@code /i}.
     */
    public static EventTypeDefinition parse(String... keyValues) {
        try {
            return EventTypeParser.parse(properties(keyValues));
        } catch (InvalidEventTypeException e) {
            throw new AssertionError("a test event type that does not parse: " + e.getMessage(), e);
        }
    }

    /** The properties as FileInstall hands them over, with {@code path = /i} unless given. */
    public static Map<String, Object> properties(String... keyValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("felix.fileinstall.filename", FILE);
        properties.put("service.pid", "io.tracker.eventtype~test");
        properties.put("path", "/i");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    /** A pixel type without fields, built directly. */
    public static EventTypeDefinition plain(String name, String path) {
        return new EventTypeDefinition(name, PathTemplate.parse(path), Set.of("GET"), ResponseKind.PIXEL, "url", null,
                null, List.of(), Set.of(), List.of(), EventTypeParser.DEFAULT_MAX_BODY_BYTES,
                EventTypeParser.DEFAULT_MAX_BATCH_EVENTS);
    }
}
