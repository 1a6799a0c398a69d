package io.tracker.tools.configreference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    @Test
    void escapesTextForMarkdownAndTables() {
        assertThat(MarkdownWriter.text("a|b")).isEqualTo("a\\|b");
        assertThat(MarkdownWriter.text("one\ntwo\r\nthree")).isEqualTo("one<br>two<br>three");
        assertThat(MarkdownWriter.text("dimension.<name> = query:<parameter>"))
                .isEqualTo("dimension.\\<name\\> = query:\\<parameter\\>");
        assertThat(MarkdownWriter.text("* for all, [x](y), `z`"))
                .isEqualTo("\\* for all, \\[x\\](y), \\`z\\`");
        assertThat(MarkdownWriter.text("snake_case stays, _this_ does not"))
                .isEqualTo("snake_case stays, \\_this\\_ does not");
        assertThat(MarkdownWriter.text("AT&T &amp; &#124;")).isEqualTo("AT&T \\&amp; \\&#124;");
    }

    @Test
    void writesCodeSpansThatSurviveBackticksAndPipes() {
        assertThat(MarkdownWriter.code("a.b", true)).isEqualTo("`a.b`");
        assertThat(MarkdownWriter.code("a|b", true)).isEqualTo("`a\\|b`");
        assertThat(MarkdownWriter.code("a|b", false)).isEqualTo("`a|b`");
        assertThat(MarkdownWriter.code("a`b", true)).isEqualTo("``a`b``");
        assertThat(MarkdownWriter.code("`x", true)).isEqualTo("`` `x ``");
        assertThat(MarkdownWriter.code("two\nlines", true)).isEqualTo("two<br>lines");
    }

    @Test
    void anchorsFollowGitHub() {
        MarkdownWriter.Slugs slugs = new MarkdownWriter.Slugs();

        assertThat(slugs.slug("io.tracker.collector.log (factory)")).isEqualTo("iotrackercollectorlog-factory");
        assertThat(slugs.slug("io.trackerhttp")).isEqualTo("iotrackerhttp");
        assertThat(slugs.slug("io.tracker.http")).isEqualTo("iotrackerhttp-1");
        assertThat(slugs.slug("io.tracker.http_x")).isEqualTo("iotrackerhttp_x");
    }
}
