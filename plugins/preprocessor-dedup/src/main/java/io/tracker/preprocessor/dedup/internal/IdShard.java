package io.tracker.preprocessor.dedup.internal;

/**
 * One shard of {@link RecentIds}: the fingerprints it remembers, in arrival order, with their first-seen time.
 *
 * <p>Two primitive structures, kept one-to-one: a ring of (fingerprint, time) in arrival order, for expiry and
 * eviction from the oldest end; and an open-addressing set of fingerprints (linear probing, 0 is "empty",
 * backward-shift deletion so no tombstones build up), for look-up. About 16 bytes per id in the ring and
 * 11 to 21 in the set, no object per id. Both grow by doubling up to {@code capacity}, so an idle instance
 * stays small.
 *
 * <p>Thread-safe by its monitor: every method that touches the structures is synchronized. Times are forced
 * non-decreasing, so the ring stays sorted by time even if the clock steps back.
 */
final class IdShard {

    private static final int INITIAL_RING = 1024;

    private final int capacity;
    private long[] ringIds;
    private long[] ringTimes;
    private int head;
    private int size;
    private long[] set;
    private long lastTimeMs = Long.MIN_VALUE;

    /** @param capacity the most ids it remembers, at least 1 */
    IdShard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        int ring = Math.min(capacity, INITIAL_RING);
        this.ringIds = new long[ring];
        this.ringTimes = new long[ring];
        this.set = new long[setLengthFor(ring)];
    }

    /**
     * Remembers {@code fingerprint} unless it was seen less than {@code windowMs} ago; when full, the oldest id
     * makes room.
     *
     * @param fingerprint not 0
     * @return true if it was not seen within the window (the event goes on), false for a repeat
     */
    synchronized boolean firstSeen(long fingerprint, long nowMs, long windowMs) {
        long now = Math.max(nowMs, lastTimeMs);
        lastTimeMs = now;
        long expiredAtOrBefore = now - windowMs;
        while (size > 0 && ringTimes[head] <= expiredAtOrBefore) {
            removeOldest();
        }
        if (contains(fingerprint)) {
            return false;
        }
        if (size == capacity) {
            removeOldest();
        } else if (size == ringIds.length) {
            growRing();
        }
        int tail = head + size;
        if (tail >= ringIds.length) {
            tail -= ringIds.length;
        }
        ringIds[tail] = fingerprint;
        ringTimes[tail] = now;
        size++;
        if (size > set.length - (set.length >>> 2)) { // load above 3/4
            rehash(set.length * 2);
        }
        add(fingerprint);
        return true;
    }

    synchronized int size() {
        return size;
    }

    private boolean contains(long fingerprint) {
        int mask = set.length - 1;
        for (int i = (int) fingerprint & mask; set[i] != 0; i = (i + 1) & mask) {
            if (set[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    private void add(long fingerprint) {
        int mask = set.length - 1;
        int i = (int) fingerprint & mask;
        while (set[i] != 0) {
            i = (i + 1) & mask;
        }
        set[i] = fingerprint;
    }

    private void removeOldest() {
        remove(ringIds[head]);
        head = head + 1 == ringIds.length ? 0 : head + 1;
        size--;
    }

    /** Backward-shift deletion: later entries of the probe run move up so every look-up still reaches them. */
    private void remove(long fingerprint) {
        int mask = set.length - 1;
        int hole = (int) fingerprint & mask;
        while (set[hole] != fingerprint) {
            hole = (hole + 1) & mask;
        }
        set[hole] = 0;
        for (int i = (hole + 1) & mask; set[i] != 0; i = (i + 1) & mask) {
            int home = (int) set[i] & mask;
            boolean homeAfterHole = hole <= i ? home > hole && home <= i : home > hole || home <= i;
            if (!homeAfterHole) {
                set[hole] = set[i];
                set[i] = 0;
                hole = i;
            }
        }
    }

    private void growRing() {
        int length = (int) Math.min(capacity, 2L * ringIds.length);
        long[] ids = new long[length];
        long[] times = new long[length];
        int firstPart = Math.min(size, ringIds.length - head);
        System.arraycopy(ringIds, head, ids, 0, firstPart);
        System.arraycopy(ringTimes, head, times, 0, firstPart);
        System.arraycopy(ringIds, 0, ids, firstPart, size - firstPart);
        System.arraycopy(ringTimes, 0, times, firstPart, size - firstPart);
        ringIds = ids;
        ringTimes = times;
        head = 0;
    }

    private void rehash(int length) {
        long[] old = set;
        set = new long[length];
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                add(fingerprint);
            }
        }
    }

    private static int setLengthFor(int entries) {
        return Math.max(16, Integer.highestOneBit(Math.max(1, entries * 2 - 1)) << 1);
    }

    @Override
    public synchronized String toString() {
        return "IdShard[" + size + "/" + capacity + ", set " + set.length + ", ring " + ringIds.length
                + (size == 0 ? "" : ", oldest at " + ringTimes[head]) + "]";
    }
}
