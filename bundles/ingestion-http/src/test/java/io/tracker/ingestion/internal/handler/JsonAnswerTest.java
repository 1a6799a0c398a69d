package io.tracker.ingestion.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonAnswerTest {

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Test
    void countsThenListsEveryEventWithItsIdOrErrors() {
        Outcome outcome = new Outcome(Acceptance.PARTIAL, List.of(Outcome.Item.accepted(0, "a"),
                Outcome.Item.rejected(1, List.of("metric 'value': 'abc' is not a number")),
                Outcome.Item.accepted(2, "c")));

        assertThat(text(JsonAnswer.of(outcome))).isEqualTo("{\"accepted\":2,\"rejected\":1,\"events\":["
                + "{\"index\":0,\"status\":\"accepted\",\"id\":\"a\"},"
                + "{\"index\":1,\"status\":\"rejected\",\"errors\":[\"metric 'value': 'abc' is not a number\"]},"
                + "{\"index\":2,\"status\":\"accepted\",\"id\":\"c\"}]}");
    }

    @Test
    void escapesWhatTheErrorsQuote() {
        Outcome outcome = Outcome.malformed("dimension 'q': '\"quoted\"\\back\nline \u00e9' is not one of a, b");

        assertThat(text(JsonAnswer.of(outcome))).isEqualTo("{\"accepted\":0,\"rejected\":1,\"events\":[{\"index\":0,"
                + "\"status\":\"rejected\",\"errors\":[\"dimension 'q': '\\\"quoted\\\"\\\\back\\nline \u00e9' is not "
                + "one of a, b\"]}]}");
    }

    @Test
    void anEmptyOutcomeHasNoEvents() {
        assertThat(text(JsonAnswer.of(new Outcome(Acceptance.ACCEPTED, List.of()))))
                .isEqualTo("{\"accepted\":0,\"rejected\":0,\"events\":[]}");
    }

    @Test
    void anErrorIsOneField() {
        assertThat(text(JsonAnswer.error("the body is larger than 10 bytes \"x\"")))
                .isEqualTo("{\"error\":\"the body is larger than 10 bytes \\\"x\\\"\"}");
    }
}
