package io.tracker.collector.log.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracker.api.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Predicate;

/**
 * The lines of one batch bound for one file, encoded in memory by a single JSON generator, so that the
 * file gets the whole batch in one write.
 */
final class BatchLines {

    /** No root value separator: each line is exactly one object, the newline is written by {@link EventLine}. */
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    private final Predicate<String> keeps;
    private final Buffer buffer = new Buffer();
    private final JsonGenerator json;

    BatchLines(Predicate<String> keeps) throws IOException {
        this.keeps = keeps;
        this.json = JSON.createGenerator(buffer, JsonEncoding.UTF8);
    }

    void add(Event event) throws IOException {
        EventLine.write(event, keeps, json);
    }

    /** The encoded lines, over the buffer itself (no copy). */
    ByteBuffer encoded() throws IOException {
        json.flush();
        return buffer.encoded();
    }

    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(8192);
        }

        ByteBuffer encoded() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
