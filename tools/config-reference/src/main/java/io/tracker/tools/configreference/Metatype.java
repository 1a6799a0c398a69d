package io.tracker.tools.configreference;

import java.util.List;

/** What the configuration reference shows, read from the jars' Metatype descriptors. */
final class Metatype {

    private Metatype() {
    }

    /** The bundle a descriptor comes from; {@code jar} only serves error messages. */
    record Bundle(String symbolicName, String version, String jar) {
    }

    /** An {@code <Option>} of an {@code <AD>}. */
    record Option(String value, String label) {
    }

    /**
     * An {@code <AD>}: one configuration key.
     *
     * @param defaults the {@code default} attribute split into its values and unescaped; empty when absent
     * @param min      {@code null} when absent
     * @param max      {@code null} when absent
     */
    record Attribute(String id, String name, String description, String type, int cardinality,
            List<String> defaults, boolean required, String min, String max, List<Option> options) {
    }

    /** An {@code <OCD>}. */
    record ObjectClass(String id, String name, String description, List<Attribute> attributes) {
    }

    /**
     * A {@code <Designate>} resolved to its OCD: one configurable PID.
     *
     * @param pid     the {@code factoryPid} for a factory, the {@code pid} otherwise
     * @param source  {@code jar!entry}, for error messages
     */
    record Pid(String pid, boolean factory, Bundle bundle, ObjectClass ocd, String source) {

        /** Equal for the same PID described the same way by the same bundle version, wherever the jar lies. */
        Object identity() {
            return List.of(pid, factory, bundle.symbolicName(), bundle.version(), ocd);
        }
    }
}
