package io.tracker.preprocessor.dedup.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The event ids seen in the last {@code windowMs}, at most {@code maxIds} of them: answers "first time?" for
 * each id, atomically, so of concurrent requests carrying the same id exactly one gets true.
 *
 * <p><b>Memory.</b> Ids are kept as 64-bit fingerprints (a seeded hash), not strings: about 32 bytes per
 * remembered id, so the default million fits a small heap. Two different ids share a fingerprint with
 * probability about {@code remembered / 2^64} per new id (5e-14 with a million remembered): such an event
 * would be taken for a repeat. The seed is random per instance, so colliding ids cannot be prepared.
 *
 * <p><b>Concurrency.</b> Ids are spread over up to 64 shards by fingerprint, each with its own lock held for
 * a hash look-up and an insert, so request threads rarely wait on each other. Each shard holds an equal part
 * of {@code maxIds} and, when full, forgets its own oldest id: eviction is oldest-first per shard, which is
 * oldest-first overall to within the spread of the shards. Below 8,192 ids there is one shard, and eviction
 * is exactly oldest-first.
 *
 * <p><b>Time.</b> From the injected clock, in milliseconds; it need not be wall-clock time, only steady (the
 * component uses {@code System.nanoTime()}). An id seen at {@code t} is a repeat until {@code t + windowMs}
 * and new again from then on.
 */
final class RecentIds {

    static final int MAX_SHARDS = 64;
    private static final int MIN_IDS_PER_SHARD = 4096;

    private final long windowMs;
    private final LongSupplier clockMs;
    private final IdShard[] shards;
    private final long seed = ThreadLocalRandom.current().nextLong();

    /**
     * @param windowMs how long an id is remembered, at least 1
     * @param maxIds   the most ids remembered at once, at least 1
     * @param clockMs  a steady clock in milliseconds
     */
    RecentIds(long windowMs, int maxIds, LongSupplier clockMs) {
        if (windowMs < 1 || maxIds < 1) {
            throw new IllegalArgumentException("window " + windowMs + " ms and " + maxIds + " ids must be positive");
        }
        this.windowMs = windowMs;
        this.clockMs = clockMs;
        int count = shardCount(maxIds);
        this.shards = new IdShard[count];
        for (int i = 0; i < count; i++) {
            shards[i] = new IdShard(maxIds / count + (i < maxIds % count ? 1 : 0));
        }
    }

    /** @return true if {@code id} was not seen within the window (and is remembered from now), false for a repeat */
    boolean firstSeen(String id) {
        long fingerprint = fingerprint(id);
        // the top bits pick the shard, the low bits the slot within it: independent after the final mix
        IdShard shard = shards[(int) (fingerprint >>> 58) & (shards.length - 1)];
        return shard.firstSeen(fingerprint, clockMs.getAsLong(), windowMs);
    }

    /** Ids remembered now, expired ones not yet cleared included. */
    int size() {
        int size = 0;
        for (IdShard shard : shards) {
            size += shard.size();
        }
        return size;
    }

    int shardCount() {
        return shards.length;
    }

    /** A power of two, so that no shard's part of maxIds is below 4,096. */
    static int shardCount(int maxIds) {
        return Math.min(MAX_SHARDS, Integer.highestOneBit(Math.max(1, maxIds / MIN_IDS_PER_SHARD)));
    }

    /** FNV-1a over the UTF-16 units, seeded, then MurmurHash3's 64-bit finaliser; never 0 (the empty slot). */
    long fingerprint(String id) {
        long hash = seed ^ 0xcbf29ce484222325L;
        for (int i = 0, length = id.length(); i < length; i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
