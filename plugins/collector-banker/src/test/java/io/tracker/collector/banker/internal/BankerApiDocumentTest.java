package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/banker-api.yaml and the collector agree: the path, the header, the limits the collector checks itself. */
class BankerApiDocumentTest {

    private final OpenApiDocument document = OpenApiDocument.banker();

    @Test
    void isOpenApi3WithTheSpendOperation() {
        assertThat(document.<String>at("openapi")).startsWith("3.0.");
        Map<String, Object> responses = document.at("paths", BankerSettings.SPEND_PATH, "post", "responses");
        assertThat(responses).containsKeys("200", "201", "400", "409", "429", "503");
    }

    @Test
    void requiresTheIdempotencyKeyHeader() {
        Map<String, Object> key = document.at("components", "parameters", "IdempotencyKey");

        assertThat(key).containsEntry("name", "Idempotency-Key").containsEntry("in", "header")
                .containsEntry("required", true);
    }

    @Test
    void theCollectorsOwnChecksMatchTheSchema() {
        Map<String, Object> event = document.at("components", "schemas", "SpendEvent", "properties");
        Map<String, Object> line = document.at("components", "schemas", "SpendLine", "properties");

        assertThat(((Number) ((Map<?, ?>) event.get("amount_micros")).get("maximum")).longValue())
                .isEqualTo(Micros.MAX_EVENT_MICROS);
        for (Map<String, Object> properties : List.of(event, line)) {
            properties.forEach((name, schema) -> {
                Object maxLength = ((Map<?, ?>) schema).get("maxLength");
                if (maxLength != null) {
                    assertThat(maxLength).as(name).isEqualTo(SpendExtractor.MAX_TEXT_LENGTH);
                }
            });
        }
        assertThat(((Map<?, ?>) line.get("currency")).get("pattern")).isEqualTo("^[A-Z]{3}$");
        assertThat(((Map<?, ?>) line.get("events")).get("maxItems")).isEqualTo(BankerSettings.MAX_REQUEST_EVENTS);
    }

    @Test
    void theDocumentsExampleIsAValidReport() {
        Object example = document.at("paths", BankerSettings.SPEND_PATH, "post", "requestBody", "content",
                "application/json", "example");
        JsonNode report = new ObjectMapper().valueToTree(example);

        assertThat(document.validate("SpendReport", report)).isEmpty();
        assertThat(BankerLedger.checkRules(report)).isEmpty();
    }
}
