package io.tracker.collector.kafka.internal;

/** A batch that Kafka did not acknowledge completely: the tracker keeps it and calls again later. */
final class KafkaDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    KafkaDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
