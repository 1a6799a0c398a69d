package io.tracker.collector.kafka.internal;

import io.tracker.api.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a batch and returns only when Kafka has acknowledged every event of it, or fails: the tracker then
 * keeps the batch in its journal and calls again, so nothing is lost in memory and a redelivered event carries
 * its id (key or header, and the value's {@code id}).
 *
 * <p>The producer is created for the first batch, not when the collector is activated: a broker whose name
 * does not resolve yet (DNS still starting) only fails batches, which are retried, instead of the collector.
 *
 * <p>The wait is bounded: every record fails at the latest {@code delivery.timeout.ms} after it was handed to
 * the producer, and a send waits at most {@code max.block.ms} for a topic's metadata; a send refused at once
 * stops the batch. A producer that is unusable after a failure (fenced, closed, in a fatal state) is closed
 * and replaced on the next batch; after timeouts and other retriable errors it is kept, as it reconnects by
 * itself.
 *
 * <p><b>Threading.</b> {@link #deliver(List)} is called by one thread at a time, the collector's dispatcher.
 * {@link #close()} may come from another thread while a batch is in hand (a collector stopped mid-batch): the
 * producer is closed under it and that batch fails, to be delivered again later.
 */
final class KafkaDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDelivery.class);

    private final String name;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final EventRecords records;
    private final long ackWaitMs;
    private final Duration closeTimeout;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}; null until first needed and after it was found broken. */
    private Producer<String, byte[]> producer;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** Counters for the log: written by the dispatcher thread only, read by any. */
    private volatile long producersCreated;
    private volatile long eventsDelivered;
    private volatile long batchesFailed;

    KafkaDelivery(KafkaSettings settings, Supplier<Producer<String, byte[]>> producerFactory) {
        this.name = settings.name();
        this.producerFactory = producerFactory;
        this.records = new EventRecords(settings.topic(), settings.keyDimension(), settings.schemaHeader());
        this.ackWaitMs = settings.deliveryTimeoutMs();
        this.closeTimeout = Duration.ofMillis(settings.closeTimeoutMs());
    }

    /**
     * @throws KafkaDeliveryException if any event of the batch was not acknowledged; the batch should be
     *                                delivered again (events that were acknowledged will then be duplicates)
     * @throws IllegalStateException  after {@link #close()}
     */
    void deliver(List<Event> batch) throws KafkaDeliveryException {
        if (batch.isEmpty()) {
            return;
        }
        Producer<String, byte[]> current = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Throwable failure = null;
        try {
            for (Event event : batch) {
                Future<RecordMetadata> ack = current.send(records.toRecord(event));
                acks.add(ack);
                if (ack.isDone() && failureOf(ack) != null) {
                    // refused at once (no metadata within max.block.ms, too large): the batch fails anyway
                    break;
                }
            }
            // returns when every record is acknowledged or failed, each within delivery.timeout.ms
            current.flush();
        } catch (InterruptException e) {
            // Kafka's unchecked interrupt: the flag is set again, the dispatcher is being stopped
            batchesFailed++;
            throw new KafkaDeliveryException(describe(batch.size(), batch.size(), e), e);
        } catch (RuntimeException e) {
            failure = e;
        }
        int acknowledged = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ackWaitMs);
        for (Future<RecordMetadata> ack : acks) {
            Throwable ackFailure = await(ack, deadline);
            if (ackFailure == null) {
                acknowledged++;
            } else if (failure == null) {
                failure = ackFailure;
            }
        }
        if (failure == null && acknowledged == batch.size()) {
            eventsDelivered += acknowledged;
            return;
        }
        batchesFailed++;
        if (failure != null && breaksProducer(failure)) {
            discard(current, failure);
        }
        throw new KafkaDeliveryException(describe(batch.size() - acknowledged, batch.size(), failure), failure);
    }

    /** Closes the producer, waiting up to {@code close.timeout.ms} for records in flight. Idempotent. */
    @Override
    public void close() {
        Producer<String, byte[]> toClose;
        synchronized (lock) {
            closed = true;
            toClose = producer;
            producer = null;
        }
        if (toClose != null) {
            toClose.close(closeTimeout);
        }
    }

    long producersCreated() {
        return producersCreated;
    }

    long eventsDelivered() {
        return eventsDelivered;
    }

    long batchesFailed() {
        return batchesFailed;
    }

    /**
     * The producer, created for the first batch and again after one broke. Creating it can fail where the
     * configuration is fine (bootstrap servers whose names do not resolve yet): that batch fails and is retried.
     */
    private Producer<String, byte[]> producer() throws KafkaDeliveryException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("Kafka collector '" + name + "' is closed");
            }
            if (producer == null) {
                try {
                    producer = producerFactory.get();
                } catch (KafkaException e) {
                    batchesFailed++;
                    Throwable reason = e.getCause() == null ? e : e.getCause();
                    throw new KafkaDeliveryException("Kafka collector '" + name + "': could not create the producer: "
                            + reason.getMessage(), e);
                }
                producersCreated++;
            }
            return producer;
        }
    }

    private void discard(Producer<String, byte[]> broken, Throwable reason) {
        synchronized (lock) {
            if (producer != broken) {
                return;
            }
            producer = null;
        }
        LOG.warn("Kafka collector '{}' replaces its producer on the next batch, after {}", name, reason.toString());
        // nothing of this batch is waited for any more: abort what is left at once
        broken.close(Duration.ZERO);
    }

    /**
     * Whether the producer cannot be used again. Retriable errors (timeouts, leader changes, a broker that is
     * down) and errors of single records leave it working; anything else (fenced, closed, a fatal idempotence
     * error, authorisation) may not.
     */
    static boolean breaksProducer(Throwable failure) {
        return !(failure instanceof RetriableException
                || failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException
                || failure instanceof InvalidTimestampException
                || failure instanceof SerializationException
                || failure instanceof IllegalArgumentException
                || failure instanceof InterruptException);
    }

    private String describe(int failed, int total, Throwable failure) {
        return "Kafka collector '" + name + "': " + failed + " of " + total + " events not acknowledged"
                + (failure == null ? "" : ": " + failure);
    }

    private static Throwable failureOf(Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** @return null when acknowledged, otherwise why not */
    private Throwable await(Future<RecordMetadata> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            // flush returned yet the record is pending: the producer is stuck, count it as broken
            return new IllegalStateException("no acknowledgement within " + ackWaitMs + " ms after flush", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InterruptException(e);
        }
    }
}
