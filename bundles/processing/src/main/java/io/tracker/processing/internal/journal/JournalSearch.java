package io.tracker.processing.internal.journal;

import io.tracker.api.Event;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds positions for replays: by offset, or by the time events were received. Linear scans of what
 * the journal holds; an operator's occasional request, never the hot path.
 */
public final class JournalSearch {

    private JournalSearch() {
    }

    /** The position of {@code offset}, clamped to what the journal holds. */
    public static JournalPosition atOffset(Journal journal, long offset) throws IOException {
        JournalPosition start = journal.start();
        JournalPosition end = journal.end();
        if (offset <= start.offset()) {
            return start;
        }
        if (offset >= end.offset()) {
            return end;
        }
        long base = journal.segmentBaseFor(offset);
        try (JournalReader reader = journal.reader(new JournalPosition(base, base, 0))) {
            List<Event> none = new ArrayList<>(0);
            while (reader.position().offset() < offset) {
                reader.read((int) Math.min(Integer.MAX_VALUE, offset - reader.position().offset()), type -> false, none);
            }
            return reader.position();
        }
    }

    /** The position of the first event received at or after {@code time}; the end if there is none. */
    public static JournalPosition firstAtOrAfter(Journal journal, Instant time) throws IOException {
        try (JournalReader reader = journal.reader(journal.start())) {
            List<Event> one = new ArrayList<>(1);
            while (true) {
                JournalPosition before = reader.position();
                one.clear();
                if (reader.read(1, type -> true, one) == 0) {
                    return before;
                }
                if (!one.get(0).timestamp().isBefore(time)) {
                    return before;
                }
            }
        }
    }
}
