package io.tracker.preprocessor.bots.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "Tracker bot filter",
        description = "Recognises bots, crawlers and scripted clients by the user agent, against the list shipped "
                + "in the bundle (bots.txt) plus extra.patterns, and flags or drops their events. A factory "
                + "configuration: each config/io.tracker.preprocessor.bots-<name>.cfg runs one instance; event types "
                + "list it by its tracker.preprocessor.name in 'preprocessors'.")
public @interface BotsConfig {

    @AttributeDefinition(description = "Name under which event types list this instance in 'preprocessors'. "
            + "Each instance needs its own.")
    String tracker_preprocessor_name() default "bots";

    @AttributeDefinition(description = "Dimension holding the user agent (an event type fills it with "
            + "dimension.ua = user-agent).")
    String user_agent_dimension() default "ua";

    @AttributeDefinition(description = "What happens to a bot's event: 'flag' (kept, with flag.dimension set to "
            + "true or false on every event) or 'drop' (not kept; the hit is still answered).",
            options = {@Option(label = "flag", value = "flag"), @Option(label = "drop", value = "drop")})
    String action() default "flag";

    @AttributeDefinition(description = "For action=flag: the dimension set to 'true' for bots, 'false' otherwise.")
    String flag_dimension() default "bot";

    @AttributeDefinition(description = "More patterns, comma-separated: case-insensitive substrings of the user "
            + "agent, printable ASCII; '!pattern' is an exception (a user agent containing it is never a bot).",
            required = false)
    String extra_patterns() default "";

    @AttributeDefinition(description = "Whether an event without a user agent, or with an empty one, counts as a "
            + "bot: browsers always send one.")
    boolean missing_is_bot() default true;
}
