package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures make the collector replace its producer, and which leave it to reconnect by itself. */
class KafkaDeliveryFailuresTest {

    @Test
    void retriableErrorsAndErrorsOfSingleRecordsKeepTheProducer() {
        assertThat(KafkaDelivery.breaksProducer(new TimeoutException("Expiring 3 record(s)"))).isFalse();
        assertThat(KafkaDelivery.breaksProducer(new NotLeaderOrFollowerException("moved"))).isFalse();
        assertThat(KafkaDelivery.breaksProducer(new RecordTooLargeException("big"))).isFalse();
        assertThat(KafkaDelivery.breaksProducer(new IllegalArgumentException("bad topic"))).isFalse();
    }

    @Test
    void fatalErrorsReplaceTheProducer() {
        assertThat(KafkaDelivery.breaksProducer(new ProducerFencedException("fenced"))).isTrue();
        assertThat(KafkaDelivery.breaksProducer(new OutOfOrderSequenceException("gap"))).isTrue();
        assertThat(KafkaDelivery.breaksProducer(new ClusterAuthorizationException("denied"))).isTrue();
        assertThat(KafkaDelivery.breaksProducer(new IllegalStateException("producer closed"))).isTrue();
        assertThat(KafkaDelivery.breaksProducer(new KafkaException("fatal state"))).isTrue();
    }
}
