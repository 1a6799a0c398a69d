package io.tracker.collector.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicTemplateTest {

    @Test
    void replacesTheTypePlaceholder() {
        TopicTemplate template = TopicTemplate.parse("tracker.${type}");

        assertThat(template.topicFor("impression")).isEqualTo("tracker.impression");
        assertThat(template.topicFor("click")).isEqualTo("tracker.click");
        assertThat(template).hasToString("tracker.${type}");
    }

    @Test
    void theFileFriendlyPlaceholderIsTheSame() {
        assertThat(TopicTemplate.parse("events-{type}-v1").topicFor("click")).isEqualTo("events-click-v1");
        assertThat(TopicTemplate.parse("{type}").topicFor("video_q1")).isEqualTo("video_q1");
    }

    @Test
    void everyOccurrenceIsReplaced() {
        assertThat(TopicTemplate.parse("${type}.raw.{type}").topicFor("click")).isEqualTo("click.raw.click");
    }

    @Test
    void aTemplateWithoutPlaceholderSendsEveryTypeToOneTopic() {
        TopicTemplate template = TopicTemplate.parse("  all-events  ");

        assertThat(template.topicFor("impression")).isEqualTo("all-events");
        assertThat(template.topicFor("click")).isEqualTo("all-events");
    }

    @Test
    void refusesCharactersKafkaRefuses() {
        assertThatThrownBy(() -> TopicTemplate.parse("tracker/${type}"))
                .hasMessageContaining("letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> TopicTemplate.parse("tracker ${type}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicTemplate.parse("trackér.${type}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOtherPlaceholders() {
        assertThatThrownBy(() -> TopicTemplate.parse("tracker.${event}"))
                .hasMessage("the only placeholder is {type} (or ${type})");
        assertThatThrownBy(() -> TopicTemplate.parse("tracker.{name}")).hasMessageContaining("only placeholder");
    }

    @Test
    void refusesEmptyAndDotNames() {
        assertThatThrownBy(() -> TopicTemplate.parse("")).hasMessage("a topic or template is required");
        assertThatThrownBy(() -> TopicTemplate.parse("   ")).hasMessage("a topic or template is required");
        assertThatThrownBy(() -> TopicTemplate.parse(null)).hasMessage("a topic or template is required");
        assertThatThrownBy(() -> TopicTemplate.parse(".")).hasMessageContaining("not topic names");
        assertThatThrownBy(() -> TopicTemplate.parse("..")).hasMessageContaining("not topic names");
    }

    /** What FileInstall leaves of tracker.${type} in a .cfg file, where ${type} is no property. */
    @Test
    void aTemplateEmptiedByFileInstallIsRefusedWithTheHint() {
        assertThatThrownBy(() -> TopicTemplate.parse("tracker."))
                .hasMessageContaining("in a .cfg file write {type}, e.g. tracker.{type}");
        assertThatThrownBy(() -> TopicTemplate.parse("events-")).hasMessageContaining("write {type}");
        assertThatThrownBy(() -> TopicTemplate.parse("events_")).hasMessageContaining("write {type}");
    }

    @Test
    void refusesTemplatesTooLongForAnyType() {
        String longName = "t".repeat(TopicTemplate.MAX_TOPIC_LENGTH);

        assertThatThrownBy(() -> TopicTemplate.parse(longName + ".${type}")).hasMessageContaining("at most 249");
        assertThatThrownBy(() -> TopicTemplate.parse(longName + "t")).hasMessageContaining("at most 249");
        assertThat(TopicTemplate.parse(longName).topicFor("x")).hasSize(249);
        assertThat(TopicTemplate.parse("t".repeat(TopicTemplate.MAX_TOPIC_LENGTH - 1) + "{type}").topicFor("x"))
                .hasSize(249);
    }

    @Test
    void aTypeThatMakesTheTopicTooLongFailsWhenItIsRendered() {
        TopicTemplate template = TopicTemplate.parse("t".repeat(240) + ".${type}");

        assertThat(template.topicFor("12345678")).hasSize(249);
        assertThatThrownBy(() -> template.topicFor("123456789"))
                .hasMessageContaining("event type '123456789' gives the topic")
                .hasMessageContaining("change the collector's 'topic'");
    }
}
