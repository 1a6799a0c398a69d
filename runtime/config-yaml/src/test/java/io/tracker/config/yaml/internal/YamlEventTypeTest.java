package io.tracker.config.yaml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlEventTypeTest {

    @TempDir
    Path dir;

    @Test
    void flattensNestedKeysAndListsIntoTheCfgForm() throws Exception {
        Path file = write("signup.yaml", String.join("\n",
                "path: /s",
                "response: no-content",
                "dimension:",
                "  plan: query:plan",
                "  plan.type: enum(free|pro)",
                "  seats:",
                "    default: 1",
                "metric.value: query:v",
                "preprocessors: [bots, privacy]",
                "max.batch.events: 10"));

        Map<String, Object> properties = YamlEventType.read(file);

        assertThat(properties).containsOnly(
                Map.entry("name", "signup"),
                Map.entry("path", "/s"),
                Map.entry("response", "no-content"),
                Map.entry("dimension.plan", "query:plan"),
                Map.entry("dimension.plan.type", "enum(free|pro)"),
                Map.entry("dimension.seats.default", "1"),
                Map.entry("metric.value", "query:v"),
                Map.entry("preprocessors", "bots,privacy"),
                Map.entry("max.batch.events", "10"));
    }

    @Test
    void anExplicitNameWinsOverTheFileName() throws Exception {
        assertThat(YamlEventType.read(write("conversion-api.yml", "name: conversion\npath: /api\n")))
                .containsEntry("name", "conversion");
    }

    @Test
    void rejectsWhatIsNotAMappingNamingTheFile() throws Exception {
        Path list = write("list.yaml", "- a\n- b\n");
        assertThatIllegalArgumentException().isThrownBy(() -> YamlEventType.read(list))
                .withMessageContaining(list.toString()).withMessageContaining("mapping");
    }

    @Test
    void rejectsBrokenYamlDuplicateKeysAndEmptyValues() throws Exception {
        Path broken = write("broken.yaml", "path: [unclosed\n");
        assertThatIllegalArgumentException().isThrownBy(() -> YamlEventType.read(broken))
                .withMessageContaining(broken.toString()).withMessageContaining("not valid YAML");
        Path duplicate = write("duplicate.yaml", "path: /a\npath: /b\n");
        assertThatIllegalArgumentException().isThrownBy(() -> YamlEventType.read(duplicate))
                .withMessageContaining("not valid YAML");
        Path empty = write("empty.yaml", "path:\n");
        assertThatIllegalArgumentException().isThrownBy(() -> YamlEventType.read(empty))
                .withMessageContaining("key 'path' has no value");
    }

    @Test
    void refusesTagsThatWouldBuildObjects() throws Exception {
        Path tagged = write("tagged.yaml", "path: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://x\"]]\n");
        assertThatIllegalArgumentException().isThrownBy(() -> YamlEventType.read(tagged))
                .withMessageContaining("not valid YAML");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
