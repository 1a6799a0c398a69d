package io.tracker.collector.banker.internal;

import io.tracker.api.Event;

/**
 * Whose budget an event spends: one fixed account for every event ({@code account = acme}) or the value
 * of a dimension ({@code account = dimension:adv}).
 *
 * @param fixedAccount the account of every event, or null to read {@code dimension}
 * @param dimension    the dimension holding the account, or null for a fixed account
 */
record AccountSource(String fixedAccount, String dimension) {

    static AccountSource fixed(String account) {
        return new AccountSource(account, null);
    }

    static AccountSource fromDimension(String dimension) {
        return new AccountSource(null, dimension);
    }

    /** @return the event's account, or null if its dimension is missing */
    String read(Event event) {
        return fixedAccount != null ? fixedAccount : event.dimensions().get(dimension);
    }

    @Override
    public String toString() {
        return fixedAccount != null ? fixedAccount : PriceRule.DIMENSION_PREFIX + dimension;
    }
}
