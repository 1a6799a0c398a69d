package io.tracker.collector.banker.internal;

/** Why an event delivered to the banker collector carries no spend; skipped events are counted, never retried. */
enum SkipReason {
    /** Its type has no price rule (possible with {@code event.types = *}); not worth a warning. */
    NOT_PRICED("type without price"),
    MISSING_PRICE("no price"),
    UNPARSEABLE_PRICE("unparseable price"),
    NEGATIVE_PRICE("negative price"),
    PRICE_OUT_OF_RANGE("price out of range"),
    MISSING_ACCOUNT("no account"),
    MISSING_CAMPAIGN("no campaign"),
    MISSING_LINE_ITEM("no line item"),
    INVALID_CURRENCY("invalid currency"),
    /** A value longer than banker takes (see {@link SpendExtractor#MAX_TEXT_LENGTH}). */
    VALUE_TOO_LONG("value too long"),
    /** The same type and id twice in one batch: the first is reported, the banker would ignore the second anyway. */
    DUPLICATE_IN_BATCH("repeated in batch");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Skips that may hide lost spend, logged as warnings; the others are expected. */
    boolean worthAWarning() {
        return this != NOT_PRICED && this != DUPLICATE_IN_BATCH;
    }
}
