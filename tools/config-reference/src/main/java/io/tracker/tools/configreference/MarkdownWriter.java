package io.tracker.tools.configreference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracker.tools.configreference.Metatype.Attribute;
import io.tracker.tools.configreference.Metatype.ObjectClass;
import io.tracker.tools.configreference.Metatype.Option;
import io.tracker.tools.configreference.Metatype.Pid;

/**
 * Renders the configuration reference as GitHub-flavoured Markdown. The output depends on the PIDs only:
 * no time, no path, no locale; lines end with {@code \n}.
 */
final class MarkdownWriter {

    static final String TITLE = "Tracker configuration reference";
    static final String NONE = "—";

    private MarkdownWriter() {
    }

    /** The page for these PIDs, which the caller has sorted. */
    static String render(List<Pid> pids) {
        StringBuilder out = new StringBuilder();
        Slugs slugs = new Slugs();
        out.append("# ").append(TITLE).append("\n\n");
        slugs.slug(TITLE);
        out.append("<!-- Generated file: do not edit. Source: the @ObjectClassDefinition/@AttributeDefinition/@Designate"
                + " annotations of the bundles. Generator: tools/config-reference. -->\n\n");
        out.append("Generated at build time from the bundles' OSGi Metatype annotations (`@ObjectClassDefinition`,"
                + " `@AttributeDefinition`, `@Designate`): do not edit this page by hand, change the annotations and"
                + " rebuild.\n\n");

        out.append("## How configuration works\n\n");
        slugs.slug("How configuration works");
        out.append("The tracker reads its configuration from the `config/` folder under its home and applies changes"
                + " while it runs. Each PID below is configured by the file `config/<pid>.cfg`; a factory PID by"
                + " `config/<factoryPid>-<name>.cfg`, one instance per file (adding a file starts an instance,"
                + " deleting it stops it). A file holds `key = value` lines with the keys listed for its PID; a key"
                + " left out takes its default. Values may use `${env:VAR:-default}`: the environment variable"
                + " `VAR`, or `default` when it is unset.\n\n");

        out.append("## Contents\n\n");
        slugs.slug("Contents");
        List<String> headings = new ArrayList<>();
        for (Pid pid : pids) {
            headings.add(heading(pid));
        }
        if (pids.isEmpty()) {
            out.append("No configurable PID was found in the given jars.\n");
        }
        List<String> anchors = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            Pid pid = pids.get(i);
            String anchor = slugs.slug(plain(pid));
            anchors.add(anchor);
            out.append("- [").append(headings.get(i)).append("](#").append(anchor).append(")");
            String name = pid.ocd().name().strip();
            if (!name.isEmpty()) {
                out.append(": ").append(text(name));
            }
            out.append('\n');
        }

        for (int i = 0; i < pids.size(); i++) {
            out.append('\n');
            section(out, pids.get(i), headings.get(i));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, Pid pid, String heading) {
        ObjectClass ocd = pid.ocd();
        out.append("## ").append(heading).append("\n\n");
        out.append("Bundle ").append(code(pid.bundle().symbolicName(), false))
                .append(" version ").append(code(pid.bundle().version(), false)).append(".\n\n");

        String name = ocd.name().strip();
        String description = ocd.description().strip();
        if (!name.isEmpty() || !description.isEmpty()) {
            if (!name.isEmpty()) {
                out.append("**").append(text(name)).append("**");
                if (!description.isEmpty()) {
                    out.append(": ");
                }
            }
            out.append(text(description)).append("\n\n");
        }

        if (pid.factory()) {
            out.append("Configured by ").append(code("config/" + pid.pid() + "-<name>.cfg", false))
                    .append(", one instance per file.\n\n");
        } else {
            out.append("Configured by ").append(code("config/" + pid.pid() + ".cfg", false)).append(".\n\n");
        }

        if (ocd.attributes().isEmpty()) {
            out.append("No keys.\n");
            return;
        }
        out.append("| Key | Type | Default | Required | Description |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (Attribute ad : ocd.attributes()) {
            String adDescription = ad.description().isBlank() ? ad.name() : ad.description();
            out.append("| ").append(code(ad.id(), true))
                    .append(" | ").append(type(ad))
                    .append(" | ").append(defaults(ad))
                    .append(" | ").append(ad.required() ? "yes" : "no")
                    .append(" | ").append(cell(adDescription.strip()))
                    .append(" |\n");
        }
    }

    private static String heading(Pid pid) {
        return code(pid.pid(), false) + (pid.factory() ? " (factory)" : "");
    }

    /** The heading as GitHub reads it for its anchor. */
    private static String plain(Pid pid) {
        return pid.pid() + (pid.factory() ? " (factory)" : "");
    }

    /** Type cell: {@code `Long`}, {@code `String[]` (list, at most 3)}, then options and bounds. */
    static String type(Attribute ad) {
        StringBuilder cell = new StringBuilder();
        int cardinality = ad.cardinality();
        if (cardinality == 0) {
            cell.append(code(ad.type(), true));
        } else {
            cell.append(code(ad.type() + "[]", true));
            boolean unbounded = cardinality == Integer.MAX_VALUE || cardinality == Integer.MIN_VALUE;
            cell.append(unbounded ? " (list)" : " (list, at most " + Math.abs(cardinality) + ")");
        }
        if (!ad.options().isEmpty()) {
            List<String> options = new ArrayList<>();
            for (Option option : ad.options()) {
                String label = option.label().strip();
                options.add(code(option.value(), true)
                        + (label.isEmpty() || label.equals(option.value()) ? "" : " (" + cell(label) + ")"));
            }
            cell.append("; one of: ").append(String.join(", ", options));
        }
        if (ad.min() != null) {
            cell.append("; min ").append(code(ad.min(), true));
        }
        if (ad.max() != null) {
            cell.append("; max ").append(code(ad.max(), true));
        }
        return cell.toString();
    }

    /** Default cell: each value as code, {@value #NONE} when there is none or it is empty. */
    static String defaults(Attribute ad) {
        if (ad.defaults().stream().allMatch(String::isEmpty)) {
            return NONE;
        }
        List<String> values = new ArrayList<>();
        for (String value : ad.defaults()) {
            values.add(value.isEmpty() ? "(empty)" : code(value, true));
        }
        return String.join(", ", values);
    }

    // --- escaping

    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

    /** Text as it reads: Markdown and HTML characters escaped, line breaks as {@code <br>}, {@code |} escaped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '<', '>', '|' -> out.append('\\').append(c);
                case '_' -> {
                    boolean intraword = i > 0 && i + 1 < value.length()
                            && Character.isLetterOrDigit(value.charAt(i - 1))
                            && Character.isLetterOrDigit(value.charAt(i + 1));
                    out.append(intraword ? "_" : "\\_");
                }
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append("<br>");
                }
                case '\n' -> out.append("<br>");
                default -> out.append(c);
            }
        }
        return ENTITY.matcher(out).replaceAll(Matcher.quoteReplacement("\\&"));
    }

    /** Text inside a table cell. */
    static String cell(String value) {
        return text(value);
    }

    /**
     * A code span, its fence longer than any run of backticks inside. In a table {@code |} is escaped (GitHub
     * removes the backslash inside code too). A value with a line break cannot be a code span: it becomes text.
     */
    static String code(String value, boolean inTable) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return text(value);
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = value.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = value.startsWith("`") || value.endsWith("`")
                || (value.length() > 1 && value.startsWith(" ") && value.endsWith(" ") && !value.isBlank());
        String content = inTable ? value.replace("|", "\\|") : value;
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    // --- anchors

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static final class Slugs {
        private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");
        private final Map<String, Integer> seen = new HashMap<>();

        String slug(String heading) {
            String original = DROPPED.matcher(heading.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
            String slug = original;
            while (seen.containsKey(slug)) {
                slug = original + "-" + seen.merge(original, 1, Integer::sum);
            }
            seen.put(slug, 0);
            return slug;
        }
    }
}
