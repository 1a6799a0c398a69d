package io.tracker.preprocessor.bots.internal;

import java.util.Arrays;
import java.util.Locale;

/** A {@link BotsConfig} checked once; the extra patterns parsed with the same rules as {@code bots.txt}. */
record BotsSettings(String name, String userAgentDimension, Action action, String flagDimension,
                    BotPatterns extraPatterns, boolean missingIsBot) {

    static final String FACTORY_PID = "io.tracker.preprocessor.bots";

    enum Action { FLAG, DROP }

    /**
     * @param source where the configuration came from (PID, file), named in error messages
     * @throws IllegalArgumentException naming the source, the key and the value
     */
    static BotsSettings from(BotsConfig config, String source) {
        String name = required(source, "tracker.preprocessor.name", config.tracker_preprocessor_name());
        String userAgent = required(source, "user.agent.dimension", config.user_agent_dimension());
        Action action = action(source, config.action());
        String flag = required(source, "flag.dimension", config.flag_dimension());
        if (action == Action.FLAG && flag.equals(userAgent)) {
            throw invalid(source, "flag.dimension", flag, "the flag would overwrite the user agent dimension");
        }
        BotPatterns extra;
        String patterns = config.extra_patterns() == null ? "" : config.extra_patterns();
        try {
            extra = BotPatterns.parse(Arrays.asList(patterns.split(",")), "entry");
        } catch (IllegalArgumentException e) {
            throw invalid(source, "extra.patterns", patterns, e.getMessage());
        }
        return new BotsSettings(name, userAgent, action, flag, extra, config.missing_is_bot());
    }

    @Override
    public String toString() {
        return "user agent in '" + userAgentDimension + "', "
                + (action == Action.DROP ? "drop bots" : "flag in '" + flagDimension + "'")
                + ", missing user agent is " + (missingIsBot ? "a bot" : "not a bot");
    }

    private static Action action(String source, String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Action action : Action.values()) {
            if (action.name().equals(normalized)) {
                return action;
            }
        }
        throw invalid(source, "action", value, "expected flag or drop");
    }

    private static String required(String source, String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(source, key, value, "a dimension name is required");
        }
        return value.trim();
    }

    private static IllegalArgumentException invalid(String source, String key, String value, String reason) {
        return new IllegalArgumentException(source + ": key '" + key + "' = '" + value + "': " + reason);
    }
}
