package io.tracker.collector.kafka.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/**
 * Tries a compression type the way the producer will use it, once, before any event depends on it. The codecs
 * are optional libraries (lz4-java, snappy-java, zstd-jni) and the last two load a native library into
 * {@code java.io.tmpdir}: a missing class, a platform without a native build or a {@code noexec} temp
 * directory shows here, when the configuration is applied, rather than as batches that never leave.
 */
final class CompressionProbe {

    private static final byte[] SAMPLE = "{\"id\":\"probe\",\"type\":\"probe\"}".getBytes(StandardCharsets.UTF_8);

    private CompressionProbe() {
    }

    /** @return null if the type works here, otherwise what failed */
    static Throwable failure(String compressionType) {
        try (OutputStream out = Compression.of(compressionType).build()
                .wrapForOutput(new ByteBufferOutputStream(256), RecordBatch.CURRENT_MAGIC_VALUE)) {
            out.write(SAMPLE);
            return null;
        } catch (IOException | RuntimeException | LinkageError e) {
            return e;
        }
    }
}
