package io.tracker.processing.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import io.tracker.processing.internal.event.EventFactory;
import io.tracker.processing.internal.eventtype.DimensionRule;
import io.tracker.processing.internal.eventtype.EventTypeDefinition;
import io.tracker.processing.internal.eventtype.EventTypeRegistry;
import io.tracker.processing.internal.journal.Journal;
import io.tracker.processing.internal.journal.JournalPosition;
import io.tracker.processing.internal.journal.RetentionGuard;
import io.tracker.processing.internal.journal.TestJournals;
import io.tracker.processing.spi.Acceptance;
import io.tracker.processing.spi.Hit;
import io.tracker.processing.spi.ResponseKind;
import io.tracker.processing.spi.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final EventTypeDefinition IMPRESSION = new EventTypeDefinition("impression", "/i", Set.of("GET"),
            ResponseKind.PIXEL, "url", List.of(new DimensionRule("cid", "cid"), new DimensionRule("site", "s")));
    private static final long QUOTA = 2 * TestJournals.SEGMENT_BYTES;

    @TempDir
    Path dir;

    private final EventTypeRegistry registry = new EventTypeRegistry();
    private final EventFactory factory = new EventFactory(Clock.fixed(NOW, ZoneOffset.UTC));
    private Journal journal;

    @BeforeEach
    void register() throws Exception {
        registry.register("pid-impression", IMPRESSION, "impression.cfg");
    }

    @AfterEach
    void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    private Intake intake(long quotaBytes) throws IOException {
        journal = Journal.open(TestJournals.settings(dir, TestJournals.SEGMENT_BYTES, quotaBytes),
                RetentionGuard.REJECT);
        return new Intake(registry, factory, journal);
    }

    private static Hit hit(Map<String, String> query) {
        return query::get;
    }

    private List<Event> journalContents() throws IOException {
        return TestJournals.readAll(journal, JournalPosition.START);
    }

    @Test
    void routesAPathToItsEventType() throws Exception {
        Intake intake = intake(TestJournals.LARGE_QUOTA);

        assertThat(intake.route("/i")).isSameAs(IMPRESSION);
        assertThat(intake.route("/nothing")).isNull();
    }

    @Test
    void acceptAppendsTheEventToTheJournal() throws Exception {
        Intake intake = intake(TestJournals.LARGE_QUOTA);
        Route route = intake.route("/i");

        Acceptance acceptance = intake.accept(route, hit(Map.of("cid", "42", "s", "news")));

        assertThat(acceptance).isEqualTo(Acceptance.ACCEPTED);
        List<Event> events = journalContents();
        assertThat(events).hasSize(1);
        Event event = events.get(0);
        assertThat(event.type()).isEqualTo("impression");
        assertThat(event.timestamp()).isEqualTo(NOW);
        assertThat(event.dimensions()).containsExactly(Map.entry("cid", "42"), Map.entry("site", "news"));
        assertThat(event.id()).isNotEmpty();
        assertThat(intake.refusedCount()).isZero();
    }

    @Test
    void acceptedEventsKeepTheirOrderAndIds() throws Exception {
        Intake intake = intake(TestJournals.LARGE_QUOTA);
        Route route = intake.route("/i");

        for (int i = 0; i < 20; i++) {
            assertThat(intake.accept(route, hit(Map.of("cid", Integer.toString(i))))).isEqualTo(Acceptance.ACCEPTED);
        }

        List<Event> events = journalContents();
        assertThat(events).extracting(e -> e.dimensions().get("cid"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
                        "16", "17", "18", "19");
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void aFullJournalWithTheRejectGuardAnswersOverloadedAndCountsEachRefusal() throws Exception {
        Intake intake = intake(QUOTA);
        Route route = intake.route("/i");
        int accepted = 0;
        while (intake.accept(route, hit(Map.of("cid", Integer.toString(accepted)))) == Acceptance.ACCEPTED) {
            accepted++;
            assertThat(accepted).as("the quota is reached at some point").isLessThan(10_000);
        }

        assertThat(intake.refusedCount()).isEqualTo(1);
        assertThat(intake.accept(route, hit(Map.of("cid", "x")))).isEqualTo(Acceptance.OVERLOADED);
        assertThat(intake.refusedCount()).isEqualTo(2);
        assertThat(journal.end().offset()).isEqualTo(accepted);
        assertThat(journalContents()).hasSize(accepted);
    }

    @Test
    void answersOverloadedOnceTheJournalIsClosed() throws Exception {
        Intake intake = intake(TestJournals.LARGE_QUOTA);
        Route route = intake.route("/i");
        assertThat(intake.accept(route, hit(Map.of()))).isEqualTo(Acceptance.ACCEPTED);

        journal.close();

        assertThat(intake.accept(route, hit(Map.of("cid", "1")))).isEqualTo(Acceptance.OVERLOADED);
        assertThat(intake.refusedCount()).isEqualTo(1);
        assertThat(journal.end().offset()).isEqualTo(1);
    }
}
