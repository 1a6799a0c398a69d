package io.tracker.collector.banker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BankerResponseTest {

    @Test
    void readsTheCountsAndSkipsTheRest() throws IOException {
        BankerResponse response = parse("{\"idempotency_key\":\"k\",\"replayed\":true,\"events_applied\":3,"
                + "\"lines\":[{\"account\":\"a\",\"events_applied\":9}],\"events_duplicate\":2,\"later\":{\"x\":[1]}}");

        assertThat(response).isEqualTo(new BankerResponse(true, 3, 2));
    }

    @Test
    void missingFieldsAreUnknown() throws IOException {
        assertThat(parse("{}")).isEqualTo(new BankerResponse(false, -1, -1));
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"replayed\":")).isInstanceOf(IOException.class);
    }

    private static BankerResponse parse(String json) throws IOException {
        return BankerResponse.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
