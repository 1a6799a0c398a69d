package io.tracker.processing.internal.eventtype;

import io.tracker.processing.spi.ResponseKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the properties of one {@code io.tracker.eventtype} configuration into an
 * {@link EventTypeDefinition}, rejecting anything it does not understand so that a typo is an error that
 * names the file and the key, never a silently missing dimension.
 */
public final class EventTypeParser {

    /** The factory PID; FileInstall maps {@code io.tracker.eventtype-<name>.cfg} to it. */
    public static final String FACTORY_PID = "io.tracker.eventtype";

    static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    static final int DEFAULT_MAX_BATCH_EVENTS = 100;

    private static final String FILE_NAME_KEY = "felix.fileinstall.filename";
    private static final Set<String> KNOWN_KEYS = Set.of("name", "path", "methods", "response", "redirect.parameter",
            "redirect.fallback", "id", "required", "preprocessors", "max.body.bytes", "max.batch.events");
    private static final Set<String> FIELD_OPTIONS = Set.of("type", "max.length", "default");
    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST", "HEAD");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private EventTypeParser() {
    }

    public static EventTypeDefinition parse(Map<String, ?> properties) throws InvalidEventTypeException {
        return new Parse(properties).definition();
    }

    /** Where a configuration came from, for error messages: its file if FileInstall made it, else its PID. */
    public static String describeSource(Map<String, ?> properties) {
        Object file = properties.get(FILE_NAME_KEY);
        if (file != null) {
            return file.toString();
        }
        Object pid = properties.get("service.pid");
        return pid == null ? FACTORY_PID + " configuration" : pid.toString();
    }

    /** One parse: the properties and where they came from, so every error can name both. */
    private static final class Parse {
        private final Map<String, ?> properties;
        private final String source;

        Parse(Map<String, ?> properties) {
            this.properties = properties;
            this.source = describeSource(properties);
        }

        EventTypeDefinition definition() throws InvalidEventTypeException {
            String name = text("name");
            if (name == null) {
                name = nameFromFile(properties.get(FILE_NAME_KEY));
            }
            if (name == null || !NAME.matcher(name).matches()) {
                throw invalid("name", name, "an event type needs a name of letters, digits, '_' or '-' "
                        + "(set 'name' or use a file named io.tracker.eventtype-<name>.cfg)");
            }
            if (name.equals("invalid")) {
                throw invalid("name", name, "'invalid' is the type of the events that record rejected hits");
            }
            PathTemplate path;
            try {
                path = PathTemplate.parse(text("path"));
            } catch (IllegalArgumentException e) {
                throw invalid("path", properties.get("path"), e.getMessage());
            }
            ResponseKind response = response(text("response"));
            Set<String> methods = methods(response);
            Map<String, Map<String, String>> fieldKeys = new TreeMap<>();
            for (Map.Entry<String, ?> entry : properties.entrySet()) {
                String key = entry.getKey();
                if (key.startsWith("dimension.") || key.startsWith("metric.")) {
                    collectFieldKey(key, entry.getValue(), fieldKeys);
                } else if (!KNOWN_KEYS.contains(key) && !isFrameworkKey(key)) {
                    throw invalid(key, entry.getValue(), "unknown key (known: " + new java.util.TreeSet<>(KNOWN_KEYS)
                            + ", dimension.<name>[.type|.max.length|.default] and metric.<name>[.type|.default])");
                }
            }
            List<FieldRule> fields = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> field : fieldKeys.entrySet()) {
                fields.add(field(field.getKey(), field.getValue(), path.variables()));
            }
            Set<String> required = required(fields);
            ValueSource id = null;
            if (text("id") != null) {
                id = source("id", text("id"), path.variables());
            }
            return new EventTypeDefinition(name, path, methods, response,
                    text("redirect.parameter") == null ? "url" : text("redirect.parameter"), redirectFallback(),
                    id, fields, required, preprocessors(), positive("max.body.bytes", DEFAULT_MAX_BODY_BYTES),
                    positive("max.batch.events", DEFAULT_MAX_BATCH_EVENTS));
        }

        /** Groups {@code dimension.cid}, {@code dimension.cid.type}, ... under {@code dimension.cid}. */
        private void collectFieldKey(String key, Object value, Map<String, Map<String, String>> fields)
                throws InvalidEventTypeException {
            String kind = key.startsWith("dimension.") ? "dimension." : "metric.";
            String rest = key.substring(kind.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String option = dot < 0 ? "" : rest.substring(dot + 1);
            if (!NAME.matcher(name).matches()) {
                throw invalid(key, value, "a " + kind.substring(0, kind.length() - 1)
                        + " name is letters, digits, '_' or '-'");
            }
            if (!option.isEmpty() && !FIELD_OPTIONS.contains(option)) {
                throw invalid(key, value, "unknown option '" + option + "', expected type, max.length or default");
            }
            if (!(value instanceof String)) {
                throw invalid(key, value, "expected a single text value");
            }
            fields.computeIfAbsent(kind + name, k -> new LinkedHashMap<>()).put(option, ((String) value).trim());
        }

        private FieldRule field(String key, Map<String, String> options, Set<String> pathVariables)
                throws InvalidEventTypeException {
            boolean metric = key.startsWith("metric.");
            String name = key.substring(metric ? "metric.".length() : "dimension.".length());
            if (!options.containsKey("")) {
                throw invalid(key, null, "options are set but not the source itself (" + key + " = query:...)");
            }
            ValueSource source = source(key, options.get(""), pathVariables);
            ValueType type = metric ? ValueType.DECIMAL : ValueType.STRING;
            if (options.containsKey("type")) {
                try {
                    type = ValueType.parse(options.get("type"));
                } catch (IllegalArgumentException e) {
                    throw invalid(key + ".type", options.get("type"), e.getMessage());
                }
                if (metric && !type.numeric()) {
                    throw invalid(key + ".type", options.get("type"), "a metric is long or decimal");
                }
            }
            int maxLength = FieldRule.DEFAULT_MAX_LENGTH;
            if (options.containsKey("max.length")) {
                if (metric) {
                    throw invalid(key + ".max.length", options.get("max.length"), "only dimensions have a length");
                }
                maxLength = parsePositive(key + ".max.length", options.get("max.length"));
            }
            String defaultValue = options.get("default");
            if (defaultValue != null) {
                try {
                    type.convert(defaultValue);
                } catch (IllegalArgumentException e) {
                    throw invalid(key + ".default", defaultValue, "does not fit type " + type + ": " + e.getMessage());
                }
            }
            return new FieldRule(metric, name, source, type, maxLength, defaultValue);
        }

        private ValueSource source(String key, String spec, Set<String> pathVariables) throws InvalidEventTypeException {
            try {
                return ValueSource.parse(spec, pathVariables);
            } catch (IllegalArgumentException e) {
                throw invalid(key, spec, e.getMessage());
            }
        }

        private Set<String> required(List<FieldRule> fields) throws InvalidEventTypeException {
            Set<String> names = new LinkedHashSet<>();
            Object value = properties.get("required");
            if (value == null) {
                return names;
            }
            for (String name : values(value)) {
                String trimmed = name.trim();
                if (fields.stream().noneMatch(field -> field.name().equals(trimmed))) {
                    throw invalid("required", value, "'" + trimmed + "' is not a dimension or metric of this type");
                }
                names.add(trimmed);
            }
            return names;
        }

        private List<String> preprocessors() throws InvalidEventTypeException {
            Object value = properties.get("preprocessors");
            if (value == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String name : values(value)) {
                String trimmed = name.trim();
                if (!NAME.matcher(trimmed).matches()) {
                    throw invalid("preprocessors", value, "preprocessor names are letters, digits, '_' or '-', "
                            + "comma-separated, in the order they run");
                }
                if (names.contains(trimmed)) {
                    throw invalid("preprocessors", value, "'" + trimmed + "' is listed twice");
                }
                names.add(trimmed);
            }
            return names;
        }

        private Set<String> methods(ResponseKind response) throws InvalidEventTypeException {
            Object value = properties.get("methods");
            if (value == null) {
                return Set.of(response == ResponseKind.JSON ? "POST" : "GET");
            }
            Set<String> methods = new LinkedHashSet<>();
            for (String method : values(value)) {
                String upper = method.trim().toUpperCase(Locale.ROOT);
                if (!ALLOWED_METHODS.contains(upper)) {
                    throw invalid("methods", value, "allowed methods are GET, POST and HEAD");
                }
                methods.add(upper);
            }
            if (methods.isEmpty()) {
                throw invalid("methods", value, "at least one method is needed");
            }
            return methods;
        }

        private ResponseKind response(String value) throws InvalidEventTypeException {
            if (value == null) {
                return ResponseKind.PIXEL;
            }
            switch (value) {
                case "pixel":
                    return ResponseKind.PIXEL;
                case "no-content":
                    return ResponseKind.NO_CONTENT;
                case "redirect":
                    return ResponseKind.REDIRECT;
                case "json":
                    return ResponseKind.JSON;
                default:
                    throw invalid("response", value, "expected pixel, no-content, redirect or json");
            }
        }

        private String redirectFallback() throws InvalidEventTypeException {
            String fallback = text("redirect.fallback");
            if (fallback != null && !fallback.matches("https?://[^\\s]+")) {
                throw invalid("redirect.fallback", fallback, "expected an absolute http(s) URL");
            }
            return fallback;
        }

        private int positive(String key, int defaultValue) throws InvalidEventTypeException {
            String value = text(key);
            return value == null ? defaultValue : parsePositive(key, value);
        }

        private int parsePositive(String key, String value) throws InvalidEventTypeException {
            try {
                int number = Integer.parseInt(value.trim());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below with the key and the value
            }
            throw invalid(key, value, "expected a positive whole number");
        }

        private String text(String key) throws InvalidEventTypeException {
            Object value = properties.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String)) {
                throw invalid(key, value, "expected a single text value");
            }
            String text = ((String) value).trim();
            return text.isEmpty() ? null : text;
        }

        private InvalidEventTypeException invalid(String key, Object value, String reason) {
            String shown = value instanceof String[] ? Arrays.toString((String[]) value) : String.valueOf(value);
            return new InvalidEventTypeException(source + ": key '" + key + "' = '" + shown + "': " + reason);
        }
    }

    private static List<String> values(Object value) {
        if (value instanceof String[]) {
            return Arrays.asList((String[]) value);
        }
        if (value instanceof Collection<?>) {
            return ((Collection<?>) value).stream().map(String::valueOf).toList();
        }
        return Arrays.stream(value.toString().split(",")).filter(s -> !s.isBlank()).toList();
    }

    private static String nameFromFile(Object fileName) {
        if (fileName == null) {
            return null;
        }
        String file = fileName.toString();
        String prefix = FACTORY_PID + "-";
        int start = file.lastIndexOf(prefix);
        int end = file.lastIndexOf('.');
        return start < 0 || end <= start ? null : file.substring(start + prefix.length(), end);
    }

    private static boolean isFrameworkKey(String key) {
        // added by ConfigAdmin, FileInstall and DS (e.g. osgi.ds.satisfying.condition.target, <reference>.target)
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.startsWith("osgi.") || key.startsWith(".") || key.endsWith(".target");
    }
}
