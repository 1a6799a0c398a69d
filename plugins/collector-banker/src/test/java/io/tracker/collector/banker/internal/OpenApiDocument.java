package io.tracker.collector.banker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/banker-api.yaml, read with SnakeYAML, and a validator for the subset of OpenAPI 3.0 schema keywords
 * the document uses. The test banker validates every request body and every answer it gives against it, so
 * the contract the tests enforce is the document, not a copy of it. A keyword the validator does not know
 * fails loudly instead of being ignored.
 */
final class OpenApiDocument {

    private static final Set<String> KNOWN_KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "minimum", "maximum", "format", "$ref",
            "description", "example");
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** The document of this repository: {@code docs/banker-api.yaml} two levels above the module. */
    static OpenApiDocument banker() {
        String document = System.getProperty("banker.api.document"); // set by modules elsewhere in the tree
        if (document != null) {
            return load(Paths.get(document));
        }
        Path module = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        return load(module.resolve("../../docs/banker-api.yaml").normalize());
    }

    static OpenApiDocument load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new OpenApiDocument(new Yaml().load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** A value by its path of keys from the root, e.g. {@code "components", "schemas", "SpendLine"}. */
    @SuppressWarnings("unchecked")
    <T> T at(String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map) || !((Map<?, ?>) node).containsKey(key)) {
                throw new IllegalArgumentException("no " + String.join("/", keys) + " in the document");
            }
            node = ((Map<?, ?>) node).get(key);
        }
        return (T) node;
    }

    Map<String, Object> schema(String name) {
        return at("components", "schemas", name);
    }

    /** @return the violations of {@code components/schemas/<name>}, each naming the JSON path; empty if valid */
    List<String> validate(String name, JsonNode value) {
        List<String> errors = new ArrayList<>();
        validate(schema(name), value, "$", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private void validate(Map<String, Object> schema, JsonNode value, String path, List<String> errors) {
        for (String keyword : schema.keySet()) {
            if (!KNOWN_KEYWORDS.contains(keyword)) {
                throw new IllegalStateException("the validator does not know the keyword '" + keyword + "' at " + path);
            }
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            validate(schema(ref.substring(SCHEMA_REF.length())), value, path, errors);
            return;
        }
        String type = (String) schema.get("type");
        if (type == null) {
            throw new IllegalStateException("a schema without type at " + path);
        }
        switch (type) {
            case "object":
                validateObject(schema, value, path, errors);
                break;
            case "array":
                if (!value.isArray()) {
                    errors.add(path + ": expected an array");
                    return;
                }
                checkBounds(schema, "minItems", "maxItems", value.size(), path, "items", errors);
                for (int i = 0; i < value.size(); i++) {
                    validate((Map<String, Object>) schema.get("items"), value.get(i), path + "[" + i + "]", errors);
                }
                break;
            case "string":
                validateString(schema, value, path, errors);
                break;
            case "integer":
                validateInteger(schema, value, path, errors);
                break;
            case "boolean":
                if (!value.isBoolean()) {
                    errors.add(path + ": expected true or false");
                }
                break;
            default:
                throw new IllegalStateException("the validator does not know type '" + type + "' at " + path);
        }
    }

    @SuppressWarnings("unchecked")
    private void validateObject(Map<String, Object> schema, JsonNode value, String path, List<String> errors) {
        if (!value.isObject()) {
            errors.add(path + ": expected an object");
            return;
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (String required : (List<String>) schema.getOrDefault("required", List.of())) {
            if (!value.has(required)) {
                errors.add(path + ": '" + required + "' is required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Object propertySchema = properties.get(field.getKey());
            if (propertySchema != null) {
                validate((Map<String, Object>) propertySchema, field.getValue(), path + "." + field.getKey(), errors);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                errors.add(path + ": unknown property '" + field.getKey() + "'");
            }
        }
    }

    private static void validateString(Map<String, Object> schema, JsonNode value, String path, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(path + ": expected a string");
            return;
        }
        String text = value.textValue();
        checkBounds(schema, "minLength", "maxLength", text.codePointCount(0, text.length()), path, "characters", errors);
        Object pattern = schema.get("pattern");
        if (pattern != null && !Pattern.compile((String) pattern).matcher(text).find()) {
            errors.add(path + ": '" + text + "' does not match " + pattern);
        }
        if ("date-time".equals(schema.get("format"))) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                errors.add(path + ": '" + text + "' is not an RFC 3339 date-time");
            }
        }
    }

    private static void validateInteger(Map<String, Object> schema, JsonNode value, String path, List<String> errors) {
        if (!value.isIntegralNumber() || "int64".equals(schema.get("format")) && !value.canConvertToLong()) {
            errors.add(path + ": expected an integer" + ("int64".equals(schema.get("format")) ? " (int64)" : ""));
            return;
        }
        BigDecimal number = new BigDecimal(value.bigIntegerValue());
        Object minimum = schema.get("minimum");
        Object maximum = schema.get("maximum");
        if (minimum != null && number.compareTo(new BigDecimal(minimum.toString())) < 0) {
            errors.add(path + ": " + number + " is below " + minimum);
        }
        if (maximum != null && number.compareTo(new BigDecimal(maximum.toString())) > 0) {
            errors.add(path + ": " + number + " is above " + maximum);
        }
    }

    private static void checkBounds(Map<String, Object> schema, String minKey, String maxKey, int size, String path,
            String what, List<String> errors) {
        Object min = schema.get(minKey);
        Object max = schema.get(maxKey);
        if (min != null && size < ((Number) min).intValue()) {
            errors.add(path + ": " + size + " " + what + ", at least " + min + " expected");
        }
        if (max != null && size > ((Number) max).intValue()) {
            errors.add(path + ": " + size + " " + what + ", at most " + max + " expected");
        }
    }
}
