package io.tracker.config.yaml.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an event type written in YAML into the same properties its {@code .cfg} form has. Nested maps
 * join their keys with dots and lists become comma-separated values, so
 * <pre>
 * path: /s
 * response: no-content
 * dimension:
 *   plan: query:plan
 *   plan.type: enum(free|pro)
 * preprocessors: [bots, privacy]
 * </pre>
 * is {@code path=/s}, {@code dimension.plan=query:plan}, {@code dimension.plan.type=enum(free|pro)},
 * {@code preprocessors=bots,privacy}. The file name gives the name unless the YAML sets {@code name}.
 * Only plain data is read (SnakeYAML's safe constructor): no tags, no objects.
 */
final class YamlEventType {

    private YamlEventType() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    static Hashtable<String, Object> read(Path file) throws IOException {
        Object document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            document = new Yaml(new SafeConstructor(options)).load(in);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(file + ": an event type is a YAML mapping of keys to values");
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        flatten("", (Map<?, ?>) document, properties, file);
        properties.putIfAbsent("name", nameOf(file));
        return properties;
    }

    static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static void flatten(String prefix, Map<?, ?> map, Hashtable<String, Object> into, Path file) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?>) {
                flatten(key + ".", (Map<?, ?>) value, into, file);
            } else if (value instanceof List<?>) {
                into.put(key, ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(",")));
            } else if (value == null) {
                throw new IllegalArgumentException(file + ": key '" + key + "' has no value");
            } else {
                into.put(key, String.valueOf(value));
            }
        }
    }
}
