package io.tracker.preprocessor.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BotMatcherTest {

    @Test
    void findsOverlappingAndNestedPatternsThroughFailureLinks() {
        BotMatcher matcher = new BotMatcher(List.of("hers"), List.of());
        BotMatcher nested = new BotMatcher(List.of("he", "she", "his", "hers"), List.of());

        assertThat(matcher.isBot("ushers")).isTrue();
        assertThat(matcher.isBot("hehehers")).isTrue();
        assertThat(matcher.isBot("hehe hers!")).isTrue();
        assertThat(matcher.isBot("her")).isFalse();
        assertThat(nested.isBot("ushe")).isTrue();
        assertThat(nested.isBot("this")).isTrue();
        assertThat(nested.isBot("xyz")).isFalse();
        // "abcd" fails on the 'x' and must still find "bcx" by its failure link to "bc"
        assertThat(new BotMatcher(List.of("abcd", "bcx"), List.of()).isBot("abcx")).isTrue();
    }

    @Test
    void ignoresCaseOfTheUserAgent() {
        BotMatcher matcher = new BotMatcher(List.of("googlebot", "curl/"), List.of());

        assertThat(matcher.isBot("Mozilla/5.0 (compatible; GoogleBot/2.1)")).isTrue();
        assertThat(matcher.isBot("CURL/8.4.0")).isTrue();
        assertThat(matcher.isBot("curl 8.4.0")).isFalse();
    }

    @Test
    void toleratesCharactersNoPatternHas() {
        BotMatcher matcher = new BotMatcher(List.of("bot"), List.of());

        assertThat(matcher.isBot("b\u00f6t \u4e2d\u6587 \uD83E\uDD16")).isFalse();
        assertThat(matcher.isBot("\u00e9\u00e9bot\u00e9")).isTrue();
        assertThat(matcher.isBot("b\u0000ot")).isFalse();
        assertThat(matcher.isBot("")).isFalse();
    }

    @Test
    void anExceptionAnywhereWinsOverAnyPattern() {
        BotMatcher matcher = new BotMatcher(List.of("bot"), List.of("cubot"));

        assertThat(matcher.isBot("Mozilla/5.0 (Linux; Android 11; CUBOT X30) Chrome/119")).isFalse();
        assertThat(matcher.isBot("Googlebot with CUBOT in it")).isFalse();
        assertThat(matcher.isBot("Googlebot/2.1")).isTrue();
        assertThat(matcher.isBot("cubo bot")).isTrue();
    }

    @Test
    void withoutPatternsNothingIsABot() {
        BotMatcher matcher = new BotMatcher(List.of(), List.of());

        assertThat(matcher.isBot("Googlebot")).isFalse();
        assertThat(matcher.stateCount()).isEqualTo(1);
    }

    @Test
    void refusesPatternsItCannotMatch() {
        assertThatThrownBy(() -> new BotMatcher(List.of(""), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotMatcher(List.of("Bot"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotMatcher(List.of("b\u00f6t"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithPlainSubstringSearchOnRandomInput() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> bots = randomWords(random, 1 + random.nextInt(8));
            List<String> exceptions = random.nextBoolean() ? List.of() : randomWords(random, 1 + random.nextInt(3));
            BotMatcher matcher = new BotMatcher(bots, exceptions);
            for (int text = 0; text < 50; text++) {
                String userAgent = randomText(random, random.nextInt(40), "abcABC/ \u00e9");
                String lower = userAgent.toLowerCase(Locale.ROOT);
                boolean expected = bots.stream().anyMatch(lower::contains)
                        && exceptions.stream().noneMatch(lower::contains);
                assertThat(matcher.isBot(userAgent)).as("%s in '%s' except %s", bots, userAgent, exceptions)
                        .isEqualTo(expected);
            }
        }
    }

    private static List<String> randomWords(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(randomText(random, 1 + random.nextInt(4), "abc/ "));
        }
        return words;
    }

    /** A small alphabet, so patterns overlap and share prefixes and suffixes often. */
    private static String randomText(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
