package io.tracker.preprocessor.dedup.internal;

/** A {@link DedupConfig} checked once. */
record DedupSettings(String name, long windowMs, int maxIds) {

    static final String FACTORY_PID = "io.tracker.preprocessor.dedup";
    /** 100 million ids: about 3.2 GB of heap, beyond which a typo is likelier than a need. */
    static final int MAX_IDS_LIMIT = 100_000_000;

    /**
     * @param source where the configuration came from (PID, file), named in error messages
     * @throws IllegalArgumentException naming the source, the key and the value
     */
    static DedupSettings from(DedupConfig config, String source) {
        String name = config.tracker_preprocessor_name();
        if (name == null || name.isBlank()) {
            throw invalid(source, "tracker.preprocessor.name", name, "a name is required");
        }
        if (config.window_ms() < 1) {
            throw invalid(source, "window.ms", String.valueOf(config.window_ms()), "expected at least 1");
        }
        if (config.max_ids() < 1 || config.max_ids() > MAX_IDS_LIMIT) {
            throw invalid(source, "max.ids", String.valueOf(config.max_ids()), "expected 1 to " + MAX_IDS_LIMIT);
        }
        return new DedupSettings(name.trim(), config.window_ms(), config.max_ids());
    }

    @Override
    public String toString() {
        return "ids remembered for " + windowMs + " ms, at most " + maxIds;
    }

    private static IllegalArgumentException invalid(String source, String key, String value, String reason) {
        return new IllegalArgumentException(source + ": key '" + key + "' = '" + value + "': " + reason);
    }
}
