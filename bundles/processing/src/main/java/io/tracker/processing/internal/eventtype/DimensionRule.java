package io.tracker.processing.internal.eventtype;

/**
 * Where one dimension's value comes from: {@code dimension.cid = query:cid} reads the query parameter
 * {@code cid} into the dimension {@code cid}.
 */
public record DimensionRule(String dimension, String queryParameter) {
}
