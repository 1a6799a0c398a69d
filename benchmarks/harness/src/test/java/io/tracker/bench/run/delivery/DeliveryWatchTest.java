package io.tracker.bench.run.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.bench.result.Delivery;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryWatchTest {

    @TempDir
    Path events;

    @Test
    void waitsForLateLinesThenComparesWithWhatWasAcknowledged() throws Exception {
        EventLineCounterTest.append(events.resolve("impression.jsonl"), 2); // the readiness probes
        DeliveryWatch watch = new DeliveryWatch(new EventLineCounter(events), 2);
        long baseline = watch.baseline();
        assertThat(baseline).isEqualTo(2);

        EventLineCounterTest.append(events.resolve("impression.jsonl"), 5);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300); // the collector runs behind the acknowledgement
                EventLineCounterTest.append(events.resolve("click.jsonl"), 3);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Delivery delivery = watch.delivered(baseline, 8, 10);
        late.join();

        assertThat(delivery).isEqualTo(new Delivery(8, 10, 8));
        assertThat(delivery.complete()).isTrue();
        assertThat(watch.baseline()).as("nothing moved since: no second wait").isEqualTo(10);
    }
}
