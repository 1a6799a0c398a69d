package io.tracker.tools.configreference;

import static io.tracker.tools.configreference.TestJars.bundle;
import static io.tracker.tools.configreference.TestJars.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReferenceTest {

    /** A singleton PID with options, a list, a min/max, a `|` and a line break in descriptions, a default with a comma. */
    static final String SERVER_XML = descriptor("""
              <OCD id="com.example.ServerConfig" name="Example server" description="Serves a|b.&#10;Second line.">
                <AD id="host" type="String" name="Host" description="Address to listen on." default="0.0.0.0"/>
                <AD id="port" type="Integer" name="Port" description="TCP port." default="8080" min="0" max="65535"/>
                <AD id="mode" type="String" name="Mode" description="Pipe | inside." default="fast">
                  <Option label="Fast" value="fast"/>
                  <Option label="safe" value="safe"/>
                </AD>
                <AD id="tags" type="String" cardinality="3" required="false" name="Tags" description="Up to three tags." default="a\\,b,c"/>
                <AD id="hosts.allowed" type="String" cardinality="-2147483648" required="false" name="Allowed hosts"/>
                <AD id="secret" type="Password" required="false" name="Secret" description="Token." default=""/>
              </OCD>
            """, """
              <Designate pid="com.example.server">
                <Object ocdref="com.example.ServerConfig"/>
              </Designate>
            """);

    static final String SINK_XML = descriptor("""
              <OCD id="com.example.SinkConfig" name="Example sink" description="One instance per file.">
                <AD id="directory" type="String" name="Directory" description="Where to write." default="data/out"/>
                <AD id="batch.size" type="Long" name="Batch size" description="Events per write." default="100"/>
              </OCD>
            """, """
              <Designate factoryPid="com.example.sink">
                <Object ocdref="com.example.SinkConfig"/>
              </Designate>
            """);

    @TempDir
    Path dir;
    Path serverJar;
    Path sinkJar;

    @BeforeEach
    void jars() throws IOException {
        serverJar = bundle(dir.resolve("server.jar"), "com.example.server;singleton:=true", "1.2.3.202611280124",
                Map.of("OSGI-INF/metatype/com.example.ServerConfig.xml", SERVER_XML,
                        "com/example/Server.class", "not really a class"));
        sinkJar = bundle(dir.resolve("plugins/sink-2.0.0.jar"), "com.example.sink", "2.0.0",
                Map.of("OSGI-INF/metatype/com.example.SinkConfig.xml", SINK_XML));
    }

    @Test
    void writesTheHeaderAndHowConfigurationWorks() {
        String page = ConfigReference.render(List.of(serverJar, sinkJar));

        assertThat(page).startsWith("# Tracker configuration reference\n\n");
        assertThat(page).contains("\nGenerated at build time from the bundles' OSGi Metatype annotations"
                + " (`@ObjectClassDefinition`, `@AttributeDefinition`, `@Designate`): do not edit this page by hand,"
                + " change the annotations and rebuild.\n");
        assertThat(page).contains("\n## How configuration works\n\n");
        assertThat(page).contains("Each PID below is configured by the file `config/<pid>.cfg`; a factory PID by"
                + " `config/<factoryPid>-<name>.cfg`, one instance per file");
        assertThat(page).contains("Values may use `${env:VAR:-default}`");
    }

    @Test
    void writesATableOfContentsSortedByPid() {
        String page = ConfigReference.render(List.of(sinkJar, serverJar));

        assertThat(page).contains("""
                ## Contents

                - [`com.example.server`](#comexampleserver): Example server
                - [`com.example.sink` (factory)](#comexamplesink-factory): Example sink

                ## `com.example.server`
                """);
        assertThat(page.indexOf("## `com.example.server`")).isLessThan(page.indexOf("## `com.example.sink` (factory)"));
    }

    @Test
    void describesASingletonPid() {
        String page = ConfigReference.render(List.of(serverJar, sinkJar));

        assertThat(section(page, "## `com.example.server`")).isEqualTo("""
                ## `com.example.server`

                Bundle `com.example.server` version `1.2.3.SNAPSHOT`.

                **Example server**: Serves a\\|b.<br>Second line.

                Configured by `config/com.example.server.cfg`.

                | Key | Type | Default | Required | Description |
                | --- | --- | --- | --- | --- |
                | `host` | `String` | `0.0.0.0` | yes | Address to listen on. |
                | `port` | `Integer`; min `0`; max `65535` | `8080` | yes | TCP port. |
                | `mode` | `String`; one of: `fast` (Fast), `safe` | `fast` | yes | Pipe \\| inside. |
                | `tags` | `String[]` (list, at most 3) | `a,b`, `c` | no | Up to three tags. |
                | `hosts.allowed` | `String[]` (list) | — | no | Allowed hosts |
                | `secret` | `Password` | — | no | Token. |
                """);
    }

    @Test
    void describesAFactoryPid() {
        String page = ConfigReference.render(List.of(serverJar, sinkJar));

        assertThat(section(page, "## `com.example.sink` (factory)")).isEqualTo("""
                ## `com.example.sink` (factory)

                Bundle `com.example.sink` version `2.0.0`.

                **Example sink**: One instance per file.

                Configured by `config/com.example.sink-<name>.cfg`, one instance per file.

                | Key | Type | Default | Required | Description |
                | --- | --- | --- | --- | --- |
                | `directory` | `String` | `data/out` | yes | Where to write. |
                | `batch.size` | `Long` | `100` | yes | Events per write. |
                """);
    }

    @Test
    void scansFoldersRecursivelyForJarsAndIgnoresJarsWithoutMetatype() throws IOException {
        bundle(dir.resolve("plugins/deeper/plain.jar"), "com.example.plain", "1.0.0", Map.of("a.txt", "x"));
        Files.writeString(dir.resolve("plugins/README.txt"), "not a jar");

        assertThat(ConfigReference.jars(List.of(dir))).containsExactly(
                dir.resolve("plugins/deeper/plain.jar").toAbsolutePath(),
                dir.resolve("plugins/sink-2.0.0.jar").toAbsolutePath(),
                dir.resolve("server.jar").toAbsolutePath());
        assertThat(ConfigReference.render(List.of(dir))).isEqualTo(ConfigReference.render(List.of(serverJar, sinkJar)));
    }

    @Test
    void outputIsDeterministicWhateverTheOrderOfTheInputs() throws IOException {
        String one = ConfigReference.render(List.of(serverJar, sinkJar));
        String two = ConfigReference.render(List.of(dir.resolve("plugins"), serverJar));
        // a rebuild: same configuration, new time stamp qualifier and file time
        bundle(serverJar, "com.example.server", "1.2.3.202701010000",
                Map.of("OSGI-INF/metatype/com.example.ServerConfig.xml", SERVER_XML));
        String three = ConfigReference.render(List.of(sinkJar, serverJar));

        assertThat(two).isEqualTo(one);
        assertThat(three).isEqualTo(one);
        assertThat(one).doesNotContain(dir.toString()).doesNotContain("202611280124");
    }

    @Test
    void theSameBundleInTwoFoldersCountsOnce() throws IOException {
        Path copy = dir.resolve("copy/server.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(serverJar, copy);

        String page = ConfigReference.render(List.of(serverJar, copy, sinkJar));

        assertThat(page).isEqualTo(ConfigReference.render(List.of(serverJar, sinkJar)));
    }

    @Test
    void aPidDescribedDifferentlyByTwoJarsFails() throws IOException {
        Path other = bundle(dir.resolve("other.jar"), "com.example.other", "1.0.0",
                Map.of("OSGI-INF/metatype/x.xml", SERVER_XML));

        assertThatThrownBy(() -> ConfigReference.render(List.of(serverJar, other)))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessageContaining("PID \"com.example.server\" is described twice")
                .hasMessageContaining(serverJar + "!OSGI-INF/metatype/com.example.ServerConfig.xml")
                .hasMessageContaining(other + "!OSGI-INF/metatype/x.xml");
    }

    @Test
    void mainWritesTheFileCreatingItsFolderAndLeavesAnUnchangedFileAlone() throws IOException {
        Path output = dir.resolve("layout/docs/configuration.md");

        ConfigReference.main(new String[] {output.toString(), serverJar.toString(), dir.resolve("plugins").toString()});

        assertThat(output).exists();
        String page = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(page).isEqualTo(ConfigReference.render(List.of(serverJar, sinkJar)));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(output, old);

        assertThat(ConfigReference.write(output, page)).isFalse();
        assertThat(Files.getLastModifiedTime(output)).isEqualTo(old);
        assertThat(ConfigReference.write(output, page + "x")).isTrue();
    }

    @Test
    void mainWithoutEnoughArgumentsFailsWithTheUsage() {
        assertThatThrownBy(() -> ConfigReference.main(new String[] {"out.md"}))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessage(ConfigReference.USAGE);
        assertThatThrownBy(() -> ConfigReference.main(new String[] {"--bundles=io.tracker", "out.md"}))
                .hasMessage(ConfigReference.USAGE);
    }

    @Test
    void aMissingInputFails() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> ConfigReference.render(List.of(missing)))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessage(missing + ": no such jar or folder");
    }

    @Test
    void aFolderWithoutJarsFails() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> ConfigReference.render(List.of(empty)))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessageStartingWith("no jar found in");
    }

    @Test
    void aJarThatIsNotAZipFailsNamingTheJar() throws IOException {
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "this is not a zip file");

        assertThatThrownBy(() -> ConfigReference.render(List.of(serverJar, broken)))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessageStartingWith(broken.toAbsolutePath() + ": not a jar (zip) file");
    }

    @Test
    void anXmlThatDoesNotParseFailsNamingTheJarAndTheEntry() throws IOException {
        Path bad = bundle(dir.resolve("bad.jar"), "com.example.bad", "1.0.0",
                Map.of("OSGI-INF/metatype/Bad.xml", "<?xml version=\"1.0\"?>\n<metatype:MetaData xmlns:metatype=\""
                        + TestJars.NS + "\">\n  <OCD id=\"x\">\n</metatype:MetaData>\n"));

        assertThatThrownBy(() -> ConfigReference.render(List.of(bad)))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessageStartingWith(bad.toAbsolutePath() + "!OSGI-INF/metatype/Bad.xml: XML does not parse (line 4,");
    }

    @Test
    void doctypesAndExternalEntitiesAreRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<metatype:MetaData xmlns:metatype=\"" + TestJars.NS + "\">\n"
                + "  <OCD id=\"x\" name=\"&x;\"><AD id=\"a\" type=\"String\"/></OCD>\n"
                + "  <Designate pid=\"x\"><Object ocdref=\"x\"/></Designate>\n</metatype:MetaData>\n";
        Path evil = bundle(dir.resolve("evil.jar"), "com.example.evil", "1.0.0", Map.of("OSGI-INF/metatype/E.xml", xxe));

        assertThatThrownBy(() -> ConfigReference.render(List.of(evil)))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessageStartingWith(evil.toAbsolutePath() + "!OSGI-INF/metatype/E.xml: XML does not parse")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    /** From the heading to the next heading of the same level, or the end. */
    static String section(String page, String heading) {
        int start = page.indexOf(heading + "\n");
        assertThat(start).as("heading %s", heading).isGreaterThanOrEqualTo(0);
        int end = page.indexOf("\n## ", start + heading.length());
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }
}
