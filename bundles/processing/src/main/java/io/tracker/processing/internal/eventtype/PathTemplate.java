package io.tracker.processing.internal.eventtype;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route's path: exact ({@code /i}) or with variables ({@code /v/{event}}), each variable matching one
 * path segment. Compiled once when the configuration is applied.
 */
public final class PathTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]{0,31})\\}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]*");

    private final String template;
    private final Pattern pattern;
    private final List<String> variables;

    private PathTemplate(String template, Pattern pattern, List<String> variables) {
        this.template = template;
        this.pattern = pattern;
        this.variables = variables;
    }

    /** @throws IllegalArgumentException saying what a path may look like */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("must be an absolute path such as /i or /v/{event}");
        }
        StringBuilder regex = new StringBuilder();
        List<String> variables = new ArrayList<>();
        for (String segment : template.substring(1).split("/", -1)) {
            regex.append('/');
            Matcher variable = VARIABLE.matcher(segment);
            if (variable.matches()) {
                if (variables.contains(variable.group(1))) {
                    throw new IllegalArgumentException("variable {" + variable.group(1) + "} appears twice");
                }
                variables.add(variable.group(1));
                regex.append("([^/]+)");
            } else if (LITERAL.matcher(segment).matches()) {
                regex.append(Pattern.quote(segment));
            } else {
                throw new IllegalArgumentException("segment '" + segment + "' must be letters, digits, '.', '_', '~', "
                        + "'-' or a whole {variable}");
            }
        }
        return new PathTemplate(template, variables.isEmpty() ? null : Pattern.compile(regex.toString()),
                List.copyOf(variables));
    }

    public boolean exact() {
        return pattern == null;
    }

    public String template() {
        return template;
    }

    public Set<String> variables() {
        return new LinkedHashSet<>(variables);
    }

    /** The variables' values for a matching path, or null when it does not match. */
    public Map<String, String> match(String path) {
        if (pattern == null) {
            return template.equals(path) ? Map.of() : null;
        }
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), matcher.group(i + 1));
        }
        return values;
    }

    @Override
    public String toString() {
        return template;
    }
}
