package io.tracker.preprocessor.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.api.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bot filter with the bundled list, as configured. */
class BotFilterTest {

    private final BotFilter flagging = filter(Map.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) "
                + "Chrome/116.0.1938.76 Safari/537.36",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "Mozilla/5.0 (compatible; YandexImages/3.0; +http://yandex.com/bots)",
        "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
        "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Twitterbot/1.0",
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 "
                + "Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        "Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)",
        "Mozilla/5.0 (compatible; DotBot/1.2; +https://opensiteexplorer.org/dotbot; help@moz.com)",
        "Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
                + "(compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)",
        "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
                + "(compatible; Bytespider; spider-feedback@bytedance.com)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.1; +https://openai.com/gptbot)",
        "CCBot/2.0 (https://commoncrawl.org/faq/)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 "
                + "Safari/537.36",
        "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
        "python-requests/2.31.0",
        "curl/8.4.0",
        "Wget/1.21.4",
        "Go-http-client/2.0",
        "Java/17.0.9",
        "okhttp/4.12.0",
        "Apache-HttpClient/4.5.14 (Java/17.0.9)",
        "Scrapy/2.11.0 (+https://scrapy.org)",
        "ExampleBot/1.0 (+https://example.com/bot)",
        "acme-spider 0.3",
        "NewsCrawler/2.2",
        "SiteCrawl (compatible)",
    })
    void recognisesBots(String userAgent) {
        assertThat(flagging.isBot(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Chrome on Windows and Android
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                + "Safari/537.36",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile "
                + "Safari/537.36",
        // Firefox on Windows and Android
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0",
        // Safari on iPhone, iPad and Mac
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 "
                + "Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 "
                + "Safari/605.1.15",
        // Edge, Opera, Yandex Browser
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                + "Safari/537.36 Edg/120.0.2210.91",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                + "Safari/537.36 OPR/106.0.0.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 "
                + "YaBrowser/23.11.0.0 Safari/537.36",
        // Samsung Internet
        "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
        // in-app browsers and an Android WebView
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Mobile/15E148 [FBAN/FBIOS;FBAV/444.0.0.41.110;FBBV/537027364;FBDV/iPhone14,5;FBMD/iPhone;"
                + "FBSN/iOS;FBSV/17.1.2;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Mobile/15E148 Instagram 309.0.2.18.119 (iPhone15,2; iOS 17_1; en_US; en; scale=3.00; 1179x2556; "
                + "539541069)",
        "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like "
                + "Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36",
        // a phone whose name contains "bot": an exception in the bundled list
        "Mozilla/5.0 (Linux; Android 11; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 "
                + "Mobile Safari/537.36",
    })
    void letsRealBrowsersThrough(String userAgent) {
        assertThat(flagging.isBot(userAgent)).isFalse();
    }

    @Test
    void flagsEveryEventTrueOrFalseByDefault() {
        Event bot = flagging.process(event("Googlebot/2.1"));
        Event person = flagging.process(event("Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0"));

        assertThat(bot.dimensions()).containsEntry("bot", "true").containsEntry("cid", "42");
        assertThat(person.dimensions()).containsEntry("bot", "false").containsEntry("cid", "42");
        assertThat(bot.id()).isEqualTo("e1");
    }

    @Test
    void flagsInTheConfiguredDimension() {
        Event flagged = filter(Map.of("flag.dimension", "is_bot")).process(event("curl/8.4.0"));

        assertThat(flagged.dimensions()).containsEntry("is_bot", "true").doesNotContainKey("bot");
    }

    @Test
    void dropsBotsAndPassesOthersUnchanged() {
        BotFilter dropping = filter(Map.of("action", "drop"));
        Event person = event("Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0");

        assertThat(dropping.process(event("Googlebot/2.1"))).isNull();
        assertThat(dropping.process(person)).isSameAs(person);
    }

    @Test
    void extraPatternsAndExceptionsJoinTheBundledList() {
        BotFilter filter = filter(Map.of("extra.patterns", "AcmeMonitor, internal-probe, !friendlybot"));

        assertThat(filter.isBot("AcmeMonitor/1.0")).isTrue();
        assertThat(filter.isBot("internal-probe")).isTrue();
        assertThat(filter.isBot("FriendlyBot/1.0 (our own)")).isFalse();
        assertThat(filter.isBot("Googlebot/2.1")).isTrue();
        assertThat(flagging.isBot("AcmeMonitor/1.0")).isFalse();
    }

    @Test
    void aMissingOrEmptyUserAgentIsABotUnlessConfiguredOtherwise() {
        BotFilter lenient = filter(Map.of("missing.is.bot", false));

        assertThat(flagging.process(eventWithout()).dimensions()).containsEntry("bot", "true");
        assertThat(flagging.process(event("")).dimensions()).containsEntry("bot", "true");
        assertThat(flagging.process(event("   ")).dimensions()).containsEntry("bot", "true");
        assertThat(lenient.process(eventWithout()).dimensions()).containsEntry("bot", "false");
        assertThat(lenient.process(event("")).dimensions()).containsEntry("bot", "false");
        assertThat(filter(Map.of("action", "drop")).process(eventWithout())).isNull();
    }

    @Test
    void readsTheConfiguredUserAgentDimension() {
        BotFilter filter = filter(Map.of("user.agent.dimension", "agent"));
        Map<String, String> dimensions = new HashMap<>();
        dimensions.put("agent", "Googlebot/2.1");
        dimensions.put("ua", "Mozilla/5.0 Firefox/121.0");

        assertThat(filter.process(event(dimensions)).dimensions()).containsEntry("bot", "true");
    }

    private static BotFilter filter(Map<String, ?> properties) {
        BotsSettings settings = BotsSettings.from(TestConfigs.of(BotsConfig.class, properties), "test");
        BotPatterns patterns = BotPatterns.bundled().with(settings.extraPatterns());
        return new BotFilter(settings, new BotMatcher(patterns.bots(), patterns.exceptions()));
    }

    private static Event event(String userAgent) {
        return event(Map.of("ua", userAgent, "cid", "42"));
    }

    private static Event eventWithout() {
        return event(Map.of("cid", "42"));
    }

    static Event event(Map<String, String> dimensions) {
        Event.Builder builder = Event.builder("e1", "impression", Instant.parse("2026-11-28T10:15:30.123Z"));
        dimensions.forEach(builder::dimension);
        return builder.build();
    }
}
