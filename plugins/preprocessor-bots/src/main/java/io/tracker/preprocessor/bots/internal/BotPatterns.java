package io.tracker.preprocessor.bots.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The patterns of a bot list: lower-case substrings that mark a user agent as a bot, and exceptions
 * (written {@code !pattern}) that mark it as not one whatever else it contains.
 *
 * <p>Line syntax, for {@code bots.txt} and {@code extra.patterns} alike: surrounding spaces are trimmed,
 * blank lines and {@code #} comments are skipped, a pattern is printable ASCII (what a User-Agent header
 * holds) and is matched without regard to case.
 */
record BotPatterns(List<String> bots, List<String> exceptions) {

    /** The list shipped in this bundle. */
    static final String BUNDLED = "bots.txt";

    BotPatterns {
        bots = List.copyOf(bots);
        exceptions = List.copyOf(exceptions);
    }

    /** Reads the list shipped in this bundle; it is part of the code, so a bad line is a bug. */
    static BotPatterns bundled() {
        try (InputStream in = BotPatterns.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return parse(lines, BUNDLED + " line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /**
     * @param where names the lines in error messages, followed by the line's number: "bots.txt line"
     * @throws IllegalArgumentException naming the line that is not a valid pattern
     */
    static BotPatterns parse(List<String> lines, String where) {
        Set<String> bots = new LinkedHashSet<>();
        Set<String> exceptions = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String pattern = (exception ? line.substring(1).trim() : line).toLowerCase(Locale.ROOT);
            String problem = problem(pattern);
            if (problem != null) {
                throw new IllegalArgumentException(where + " " + (i + 1) + " '" + lines.get(i) + "': " + problem);
            }
            (exception ? exceptions : bots).add(pattern);
        }
        return new BotPatterns(new ArrayList<>(bots), new ArrayList<>(exceptions));
    }

    /** Both lists together; the bots of {@code more} are added, as are its exceptions. */
    BotPatterns with(BotPatterns more) {
        Set<String> allBots = new LinkedHashSet<>(bots);
        allBots.addAll(more.bots);
        Set<String> allExceptions = new LinkedHashSet<>(exceptions);
        allExceptions.addAll(more.exceptions);
        return new BotPatterns(new ArrayList<>(allBots), new ArrayList<>(allExceptions));
    }

    private static String problem(String pattern) {
        if (pattern.isEmpty()) {
            return "a pattern is empty";
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "patterns are printable ASCII, as user agents are; character " + (i + 1) + " is not";
            }
        }
        return null;
    }
}
