package io.tracker.processing.internal.journal;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a closed segment's mapping at once. Java frees a mapping only when its buffer is collected,
 * which for a long-lived buffer may be never: every rolled segment would stay in the process's resident
 * memory (and a deleted one on disk) until a full collection. {@code sun.misc.Unsafe#invokeCleaner} is
 * the JDK's supported way out (Kafka, Lucene and Netty use it); without {@code sun.misc} (a framework
 * that does not export it) the mapping is left to the collector.
 */
final class SegmentUnmapper {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentUnmapper.class);
    private static final Object UNSAFE = unsafe();

    private SegmentUnmapper() {
    }

    /** Unmaps {@code mapped}; nothing may touch it afterwards. */
    static void unmap(MappedByteBuffer mapped) {
        if (UNSAFE != null) {
            ((sun.misc.Unsafe) UNSAFE).invokeCleaner(mapped);
        }
    }

    private static Object unsafe() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("Closed journal segments stay mapped until garbage-collected (sun.misc.Unsafe unavailable: {})",
                    e.toString());
            return null;
        }
    }
}
