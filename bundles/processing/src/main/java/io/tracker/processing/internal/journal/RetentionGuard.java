package io.tracker.processing.internal.journal;

/**
 * Decides, when an append would exceed the quota, whether the oldest segment may go although some
 * cursor has not passed it. Called with the journal's append lock held: must be quick and must not
 * append.
 */
@FunctionalInterface
public interface RetentionGuard {

    /**
     * @param segmentBase first offset of the oldest segment
     * @param segmentEnd  first offset after it
     * @return true if the segment may be deleted (cursors inside it were moved past it, their events counted
     *         as dropped); false to refuse the append instead
     */
    boolean releaseForQuota(long segmentBase, long segmentEnd);

    /** Never gives up data: appends fail when the quota is reached. */
    RetentionGuard REJECT = (base, end) -> false;
}
