package io.tracker.preprocessor.bots.internal;

import java.util.Arrays;
import java.util.Collection;

/**
 * Finds whether a user agent contains any bot pattern and no exception, in one pass over its characters,
 * ignoring case, without allocating: an Aho–Corasick automaton compiled into a dense transition table.
 *
 * <p>The alphabet is the set of characters that occur in patterns (upper-case ASCII letters folded onto
 * lower-case), plus one symbol for every other character; that keeps the table small (states × distinct
 * pattern characters). Each state carries what any pattern ending there, directly or through its failure
 * links, says: bot, exception, or both. Immutable and thread-safe once built.
 */
final class BotMatcher {

    private static final int ASCII = 128;
    private static final byte BOT = 1;
    private static final byte EXCEPTION = 2;

    /** ASCII character to its symbol; 0 is "a character no pattern has". */
    private final int[] symbolOf = new int[ASCII];
    private final int symbols;
    /** next[state * symbols + symbol]: the complete transition function, failures already followed. */
    private final int[] next;
    private final byte[] output;
    private final boolean hasExceptions;

    /**
     * @param bots       lower-case printable-ASCII substrings that mark a bot
     * @param exceptions lower-case printable-ASCII substrings that mark a user agent as not a bot
     */
    BotMatcher(Collection<String> bots, Collection<String> exceptions) {
        int symbolCount = 1;
        int maxStates = 1;
        for (Collection<String> patterns : Arrays.asList(bots, exceptions)) {
            for (String pattern : patterns) {
                if (pattern.isEmpty()) {
                    throw new IllegalArgumentException("an empty pattern would match every user agent");
                }
                maxStates += pattern.length();
                for (int i = 0; i < pattern.length(); i++) {
                    char c = pattern.charAt(i);
                    if (c < 0x20 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
                        throw new IllegalArgumentException("not a lower-case printable ASCII pattern: '" + pattern
                                + "'");
                    }
                    if (symbolOf[c] == 0) {
                        symbolOf[c] = symbolCount++;
                    }
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            symbolOf[c] = symbolOf[Character.toLowerCase(c)];
        }
        this.symbols = symbolCount;
        this.hasExceptions = !exceptions.isEmpty();

        int[] table = new int[maxStates * symbols];
        Arrays.fill(table, -1);
        byte[] outputs = new byte[maxStates];
        int states = 1;
        for (String pattern : bots) {
            states = insert(pattern, BOT, table, outputs, states);
        }
        for (String pattern : exceptions) {
            states = insert(pattern, EXCEPTION, table, outputs, states);
        }
        link(table, outputs, states);
        this.next = Arrays.copyOf(table, states * symbols);
        this.output = Arrays.copyOf(outputs, states);
    }

    /** @return true if {@code userAgent} contains a bot pattern and no exception, ignoring case */
    boolean isBot(String userAgent) {
        int state = 0;
        int found = 0;
        for (int i = 0, length = userAgent.length(); i < length; i++) {
            char c = userAgent.charAt(i);
            state = next[state * symbols + (c < ASCII ? symbolOf[c] : 0)];
            found |= output[state];
            if ((found & EXCEPTION) != 0) {
                return false;
            }
            if (found == BOT && !hasExceptions) {
                return true;
            }
        }
        return found == BOT;
    }

    /** States of the automaton, for tests and the log. */
    int stateCount() {
        return output.length;
    }

    private int insert(String pattern, byte kind, int[] table, byte[] outputs, int states) {
        int state = 0;
        for (int i = 0; i < pattern.length(); i++) {
            int slot = state * symbols + symbolOf[pattern.charAt(i)];
            if (table[slot] < 0) {
                table[slot] = states++;
            }
            state = table[slot];
        }
        outputs[state] |= kind;
        return states;
    }

    /**
     * Breadth first, so a state's failure target (always shallower) is complete before the state: missing
     * transitions take the failure target's, and outputs are inherited along failure links.
     */
    private void link(int[] table, byte[] outputs, int states) {
        int[] failure = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int symbol = 0; symbol < symbols; symbol++) {
            int child = table[symbol];
            if (child < 0) {
                table[symbol] = 0;
            } else {
                failure[child] = 0;
                queue[tail++] = child;
            }
        }
        while (head < tail) {
            int state = queue[head++];
            outputs[state] |= outputs[failure[state]];
            for (int symbol = 0; symbol < symbols; symbol++) {
                int slot = state * symbols + symbol;
                int fallback = table[failure[state] * symbols + symbol];
                if (table[slot] < 0) {
                    table[slot] = fallback;
                } else {
                    failure[table[slot]] = fallback;
                    queue[tail++] = table[slot];
                }
            }
        }
    }
}
