package io.tracker.collector.kafka.internal;

import java.util.regex.Pattern;

/**
 * The topic of an event type: a template such as {@code tracker.${type}} with {@code ${type}} replaced by the
 * event type's name. {@code {type}} is the same placeholder, for {@code .cfg} files: FileInstall replaces
 * {@code ${...}} in them with a framework or system property, and with nothing when there is none, so
 * {@code tracker.${type}} written in a file arrives here as {@code tracker.}, which is refused with a hint.
 * The template is checked once; a rendered name is checked again because the event type is only known then.
 * Immutable and thread-safe.
 */
final class TopicTemplate {

    static final String TYPE = "${type}";
    static final String TYPE_IN_FILES = "{type}";
    /** Kafka's own limit (its log directories are named after topic and partition). */
    static final int MAX_TOPIC_LENGTH = 249;
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]+");

    private final String template;

    private TopicTemplate(String template) {
        this.template = template;
    }

    /**
     * @throws IllegalArgumentException with the reason, when the template can never give a legal topic name
     */
    static TopicTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("a topic or template is required");
        }
        String normalized = template.trim().replace(TYPE, TYPE_IN_FILES);
        String fixed = normalized.replace(TYPE_IN_FILES, "");
        if (fixed.contains("{") || fixed.contains("}") || fixed.contains("$")) {
            throw new IllegalArgumentException("the only placeholder is " + TYPE_IN_FILES + " (or " + TYPE + ")");
        }
        if (!fixed.isEmpty() && !LEGAL.matcher(fixed).matches()) {
            throw new IllegalArgumentException("topic names hold letters, digits, '.', '_' and '-' only");
        }
        boolean hasType = normalized.contains(TYPE_IN_FILES);
        // an event type name has at least one character
        if (fixed.length() + (hasType ? 1 : 0) > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("topic names are at most " + MAX_TOPIC_LENGTH + " characters");
        }
        if (!hasType && (normalized.equals(".") || normalized.equals(".."))) {
            throw new IllegalArgumentException("'.' and '..' are not topic names");
        }
        if (!hasType && (fixed.endsWith(".") || fixed.endsWith("-") || fixed.endsWith("_"))) {
            throw new IllegalArgumentException("a topic name ending in '" + fixed.charAt(fixed.length() - 1)
                    + "' looks like a template whose ${type} was replaced by nothing: in a .cfg file write "
                    + TYPE_IN_FILES + ", e.g. tracker." + TYPE_IN_FILES);
        }
        return new TopicTemplate(normalized);
    }

    /**
     * @param type an event type name
     * @throws IllegalArgumentException if the name gives an illegal topic (too long, or characters Kafka refuses)
     */
    String topicFor(String type) {
        String topic = template.replace(TYPE_IN_FILES, type);
        if (topic.length() > MAX_TOPIC_LENGTH || !LEGAL.matcher(topic).matches()
                || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("event type '" + type + "' gives the topic '" + topic
                    + "', which Kafka refuses (letters, digits, '.', '_' and '-', at most " + MAX_TOPIC_LENGTH
                    + " characters); change the collector's 'topic'");
        }
        return topic;
    }

    @Override
    public String toString() {
        return template.replace(TYPE_IN_FILES, TYPE);
    }
}
