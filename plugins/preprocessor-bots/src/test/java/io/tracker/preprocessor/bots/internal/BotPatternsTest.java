package io.tracker.preprocessor.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BotPatternsTest {

    @Test
    void skipsCommentsAndBlankLinesLowerCasesAndSeparatesExceptions() {
        BotPatterns patterns = BotPatterns.parse(List.of("# a comment", "", "  GoogleBot  ", "!CUBOT", "! spaced ",
                "googlebot", "screaming frog"), "test line");

        assertThat(patterns.bots()).containsExactly("googlebot", "screaming frog");
        assertThat(patterns.exceptions()).containsExactly("cubot", "spaced");
    }

    @Test
    void refusesALineThatIsNotPrintableAsciiNamingIt() {
        assertThatThrownBy(() -> BotPatterns.parse(List.of("ok", "b\u00f6t"), "bots.txt line"))
                .hasMessage("bots.txt line 2 'b\u00f6t': patterns are printable ASCII, as user agents are; "
                        + "character 2 is not");
        assertThatThrownBy(() -> BotPatterns.parse(List.of("!"), "entry"))
                .hasMessage("entry 1 '!': a pattern is empty");
    }

    @Test
    void theBundledListLoadsAndCoversTheWellKnownBots() {
        BotPatterns bundled = BotPatterns.bundled();

        assertThat(bundled.bots()).contains("googlebot", "bingbot", "yandex", "baiduspider", "duckduckbot", "slurp",
                "facebookexternalhit", "twitterbot", "linkedinbot", "applebot", "ahrefsbot", "semrushbot", "mj12bot",
                "dotbot", "petalbot", "bytespider", "gptbot", "ccbot", "claudebot", "headlesschrome", "phantomjs",
                "python-requests", "curl/", "wget/", "go-http-client", "java/", "okhttp", "apache-httpclient",
                "scrapy", "bot", "crawler", "spider", "crawl");
        assertThat(bundled.exceptions()).contains("cubot");
        assertThat(bundled.bots().size()).isGreaterThan(100);
    }

    @Test
    void combinesListsWithoutDuplicates() {
        BotPatterns combined = BotPatterns.parse(List.of("bot", "!cubot"), "a")
                .with(BotPatterns.parse(List.of("bot", "acme", "!robotics"), "b"));

        assertThat(combined.bots()).containsExactly("bot", "acme");
        assertThat(combined.exceptions()).containsExactly("cubot", "robotics");
    }
}
