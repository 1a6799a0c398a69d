package io.tracker.collector.kafka.internal;

import io.tracker.api.Event;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns an event into the Kafka record the collector sends:
 * <ul>
 *   <li>topic: the {@link TopicTemplate} applied to the event type;</li>
 *   <li>key: the value of the key dimension, or the event id when there is none (or the event lacks it);</li>
 *   <li>value: the event as JSON ({@link EventJson});</li>
 *   <li>timestamp: the time it is sent, not the event's: brokers refuse records stamped more than
 *       {@code log.message.timestamp.after.max.ms} (1 hour by default) ahead of their clock, or further back
 *       than {@code log.message.timestamp.before.max.ms}, and such a refusal would stop the collector on that
 *       batch for good (a skewed clock, a replay of old events). The event's time is the value's
 *       {@code timestamp};</li>
 *   <li>headers: {@value #SCHEMA_HEADER} (unless disabled), {@value #TYPE_HEADER} and {@value #ID_HEADER}, so a
 *       consumer can route and recognise a redelivered event without parsing the value.</li>
 * </ul>
 * Not thread-safe (the JSON buffer and the topic cache): the dispatcher thread alone uses it.
 */
final class EventRecords {

    static final String SCHEMA_HEADER = "tracker.schema";
    static final String TYPE_HEADER = "tracker.event.type";
    static final String ID_HEADER = "tracker.event.id";

    private final TopicTemplate topics;
    private final String keyDimension;
    private final byte[] schema;
    private final EventJson json = new EventJson();
    /** Event types are few and stable: render each topic once. */
    private final Map<String, String> topicByType = new HashMap<>();

    /**
     * @param keyDimension the dimension that keys a record, or null to key by the event id
     * @param schema       the value of the schema header, or null to send none
     */
    EventRecords(TopicTemplate topics, String keyDimension, String schema) {
        this.topics = topics;
        this.keyDimension = keyDimension;
        this.schema = schema == null ? null : schema.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if the event type gives an illegal topic name */
    ProducerRecord<String, byte[]> toRecord(Event event) {
        String topic = topicByType.computeIfAbsent(event.type(), topics::topicFor);
        RecordHeaders headers = new RecordHeaders();
        if (schema != null) {
            headers.add(SCHEMA_HEADER, schema);
        }
        headers.add(TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        headers.add(ID_HEADER, event.id().getBytes(StandardCharsets.UTF_8));
        // no record timestamp: the producer stamps the send time (see the class comment)
        return new ProducerRecord<>(topic, null, null, keyOf(event), json.toBytes(event), headers);
    }

    String keyOf(Event event) {
        if (keyDimension != null) {
            String value = event.dimensions().get(keyDimension);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return event.id();
    }
}
