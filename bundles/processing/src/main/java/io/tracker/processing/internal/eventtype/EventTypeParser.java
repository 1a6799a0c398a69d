package io.tracker.processing.internal.eventtype;

import io.tracker.processing.spi.ResponseKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the properties of one {@code io.tracker.eventtype} configuration into an
 * {@link EventTypeDefinition}, rejecting anything it does not understand so that a typo is an error,
 * not a silently missing dimension.
 */
public final class EventTypeParser {

    /** The factory PID; FileInstall maps {@code io.tracker.eventtype-<name>.cfg} to it. */
    public static final String FACTORY_PID = "io.tracker.eventtype";

    private static final String FILE_NAME_KEY = "felix.fileinstall.filename";
    private static final String DIMENSION_PREFIX = "dimension.";
    private static final String QUERY_SOURCE = "query:";
    private static final Set<String> KNOWN_KEYS = Set.of("name", "path", "methods", "response", "redirect.parameter",
            "preprocessors");
    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST", "HEAD");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PARAMETER = Pattern.compile("[^\\s=&]{1,128}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    private EventTypeParser() {
    }

    public static EventTypeDefinition parse(Map<String, ?> properties) throws InvalidEventTypeException {
        String source = describeSource(properties);
        String name = text(properties, "name", source);
        if (name == null) {
            name = nameFromFile(properties.get(FILE_NAME_KEY));
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid(source, "name", name, "an event type needs a name of letters, digits, '_' or '-' "
                    + "(set 'name' or use a file named io.tracker.eventtype-<name>.cfg)");
        }
        String path = text(properties, "path", source);
        if (path == null || !PATH.matcher(path).matches()) {
            throw invalid(source, "path", path, "must be an absolute path such as /i");
        }
        Set<String> methods = methods(properties.get("methods"), source);
        ResponseKind response = response(text(properties, "response", source), source);
        String redirectParameter = text(properties, "redirect.parameter", source);
        List<DimensionRule> dimensions = new ArrayList<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(DIMENSION_PREFIX)) {
                dimensions.add(dimension(key, entry.getValue(), source));
            } else if (!KNOWN_KEYS.contains(key) && !isFrameworkKey(key)) {
                throw invalid(source, key, entry.getValue(), "unknown key (known: " + KNOWN_KEYS
                        + " and dimension.<name>)");
            }
        }
        dimensions.sort((a, b) -> a.dimension().compareTo(b.dimension()));
        return new EventTypeDefinition(name, path, methods, response,
                redirectParameter == null ? "url" : redirectParameter, dimensions,
                preprocessors(properties.get("preprocessors"), source));
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

    private static DimensionRule dimension(String key, Object value, String source) throws InvalidEventTypeException {
        String dimension = key.substring(DIMENSION_PREFIX.length());
        if (!NAME.matcher(dimension).matches()) {
            throw invalid(source, key, value, "a dimension name is letters, digits, '_' or '-'");
        }
        String rule = value == null ? "" : value.toString().trim();
        String parameter = rule.startsWith(QUERY_SOURCE) ? rule.substring(QUERY_SOURCE.length()).trim() : "";
        if (!PARAMETER.matcher(parameter).matches()) {
            throw invalid(source, key, value, "expected query:<parameter>, the parameter name without spaces");
        }
        return new DimensionRule(dimension, parameter);
    }

    private static Set<String> methods(Object value, String source) throws InvalidEventTypeException {
        if (value == null) {
            return Set.of("GET");
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String method : values(value)) {
            String upper = method.trim().toUpperCase(Locale.ROOT);
            if (!ALLOWED_METHODS.contains(upper)) {
                throw invalid(source, "methods", value, "allowed methods are " + ALLOWED_METHODS);
            }
            methods.add(upper);
        }
        if (methods.isEmpty()) {
            throw invalid(source, "methods", value, "at least one method is needed");
        }
        return methods;
    }

    private static List<String> preprocessors(Object value, String source) throws InvalidEventTypeException {
        if (value == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : values(value)) {
            String trimmed = name.trim();
            if (!NAME.matcher(trimmed).matches()) {
                throw invalid(source, "preprocessors", value, "preprocessor names are letters, digits, '_' or '-', "
                        + "comma-separated, in the order they run");
            }
            if (names.contains(trimmed)) {
                throw invalid(source, "preprocessors", value, "'" + trimmed + "' is listed twice");
            }
            names.add(trimmed);
        }
        return names;
    }

    private static ResponseKind response(String value, String source) throws InvalidEventTypeException {
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
            default:
                throw invalid(source, "response", value, "expected pixel, no-content or redirect");
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

    private static String text(Map<String, ?> properties, String key, String source) throws InvalidEventTypeException {
        Object value = properties.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw invalid(source, key, value, "expected a single text value");
        }
        String text = ((String) value).trim();
        return text.isEmpty() ? null : text;
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

    private static InvalidEventTypeException invalid(String source, String key, Object value, String reason) {
        return new InvalidEventTypeException(source + ": key '" + key + "' = '" + value + "': " + reason);
    }
}
