package io.tracker.preprocessor.bots.internal;

import io.tracker.api.Event;
import io.tracker.api.EventPreprocessor;

/**
 * Decides per event whether its user agent is a bot's, then flags the event or drops it. Matching allocates
 * nothing; flagging builds the changed copy events are made of.
 *
 * <p>Thread-safe: immutable fields, an immutable matcher.
 */
final class BotFilter implements EventPreprocessor {

    static final String TRUE = "true";
    static final String FALSE = "false";

    private final String userAgentDimension;
    private final boolean drop;
    private final String flagDimension;
    private final boolean missingIsBot;
    private final BotMatcher matcher;

    BotFilter(BotsSettings settings, BotMatcher matcher) {
        this.userAgentDimension = settings.userAgentDimension();
        this.drop = settings.action() == BotsSettings.Action.DROP;
        this.flagDimension = settings.flagDimension();
        this.missingIsBot = settings.missingIsBot();
        this.matcher = matcher;
    }

    @Override
    public Event process(Event event) {
        boolean bot = isBot(event.dimensions().get(userAgentDimension));
        if (drop) {
            return bot ? null : event;
        }
        return event.toBuilder().dimension(flagDimension, bot ? TRUE : FALSE).build();
    }

    boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() ? missingIsBot : matcher.isBot(userAgent);
    }
}
