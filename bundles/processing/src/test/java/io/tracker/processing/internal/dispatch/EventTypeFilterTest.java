package io.tracker.processing.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeFilterTest {

    @Test
    void starAcceptsEveryType() {
        EventTypeFilter filter = EventTypeFilter.of("*");

        assertThat(filter.accepts("impression")).isTrue();
        assertThat(filter.accepts("anything-else")).isTrue();
        assertThat(filter).hasToString("*");
    }

    @Test
    void starInAListAcceptsEveryType() {
        assertThat(EventTypeFilter.of("click, *").accepts("impression")).isTrue();
    }

    @Test
    void commaListWithSpacesAcceptsExactlyItsTypes() {
        EventTypeFilter filter = EventTypeFilter.of(" impression ,click,  video-start ,");

        assertThat(filter.accepts("impression")).isTrue();
        assertThat(filter.accepts("click")).isTrue();
        assertThat(filter.accepts("video-start")).isTrue();
        assertThat(filter.accepts("conversion")).isFalse();
        assertThat(filter.accepts("Impression")).isFalse();
        assertThat(filter.accepts("")).isFalse();
    }

    @Test
    void stringArrayAcceptsItsTypesAndSplitsCommaEntries() {
        EventTypeFilter filter = EventTypeFilter.of(new String[] {"impression", " click, conversion "});

        assertThat(filter.accepts("impression")).isTrue();
        assertThat(filter.accepts("click")).isTrue();
        assertThat(filter.accepts("conversion")).isTrue();
        assertThat(filter.accepts("video")).isFalse();
    }

    @Test
    void collectionAcceptsItsTypes() {
        EventTypeFilter filter = EventTypeFilter.of(List.of("impression", "click"));

        assertThat(filter.accepts("click")).isTrue();
        assertThat(filter.accepts("video")).isFalse();
    }

    @Test
    void nullAcceptsNothing() {
        EventTypeFilter filter = EventTypeFilter.of(null);

        assertThat(filter.accepts("impression")).isFalse();
        assertThat(filter.accepts("*")).isFalse();
    }

    @Test
    void emptyOrBlankAcceptsNothing() {
        assertThat(EventTypeFilter.of("").accepts("impression")).isFalse();
        assertThat(EventTypeFilter.of(" , ").accepts("impression")).isFalse();
        assertThat(EventTypeFilter.of(new String[0]).accepts("impression")).isFalse();
    }
}
