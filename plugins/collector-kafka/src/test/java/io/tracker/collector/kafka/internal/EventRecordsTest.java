package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.api.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123Z");

    @Test
    void topicFromTheTemplateKeyIdJsonAndHeaders() {
        EventRecords records = new EventRecords(TopicTemplate.parse("tracker.${type}"), null, "event/1");

        ProducerRecord<String, byte[]> record = records.toRecord(Event.builder("e1", "click", AT).build());

        assertThat(record.topic()).isEqualTo("tracker.click");
        assertThat(record.key()).isEqualTo("e1");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).as("stamped by the producer when sent").isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"id\":\"e1\",\"type\":\"click\"");
        assertThat(record.headers().toArray()).extracting(Header::key)
                .containsExactly("tracker.schema", "tracker.event.type", "tracker.event.id");
        assertThat(header(record, "tracker.schema")).isEqualTo("event/1");
        assertThat(header(record, "tracker.event.type")).isEqualTo("click");
        assertThat(header(record, "tracker.event.id")).isEqualTo("e1");
    }

    @Test
    void noSchemaHeaderWhenDisabled() {
        EventRecords records = new EventRecords(TopicTemplate.parse("t"), null, null);

        ProducerRecord<String, byte[]> record = records.toRecord(Event.builder("e1", "click", AT).build());

        assertThat(record.headers().lastHeader("tracker.schema")).isNull();
        assertThat(header(record, "tracker.event.type")).isEqualTo("click");
    }

    @Test
    void keyedByTheDimensionWhenPresentAndByTheIdOtherwise() {
        EventRecords records = new EventRecords(TopicTemplate.parse("t"), "user", "event/1");

        assertThat(records.toRecord(Event.builder("e1", "click", AT).dimension("user", "u-7").build()).key())
                .isEqualTo("u-7");
        assertThat(records.toRecord(Event.builder("e2", "click", AT).dimension("other", "x").build()).key())
                .isEqualTo("e2");
        assertThat(records.toRecord(Event.builder("e3", "click", AT).dimension("user", "").build()).key())
                .isEqualTo("e3");
    }

    @Test
    void anEventTypeGivingAnIllegalTopicFails() {
        EventRecords records = new EventRecords(TopicTemplate.parse("t".repeat(240) + ".${type}"), null, null);

        assertThatThrownBy(() -> records.toRecord(Event.builder("e1", "a-very-long-type", AT).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event type 'a-very-long-type'");
    }

    private static String header(ProducerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
