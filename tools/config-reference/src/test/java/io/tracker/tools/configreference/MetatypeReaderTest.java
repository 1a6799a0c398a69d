package io.tracker.tools.configreference;

import static io.tracker.tools.configreference.TestJars.bundle;
import static io.tracker.tools.configreference.TestJars.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tracker.tools.configreference.Metatype.Attribute;
import io.tracker.tools.configreference.Metatype.Option;
import io.tracker.tools.configreference.Metatype.Pid;

class MetatypeReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsOcdAdOptionsAndDesignate() throws IOException {
        Path jar = bundle(dir.resolve("a.jar"), "com.example.a;singleton:=true", "1.0.0", Map.of(
                "OSGI-INF/metatype/A.xml", descriptor("""
                          <OCD id="A" name="An A" description="Does A.">
                            <AD id="mode" type="String" cardinality="-5" default="x, y\\ ,z" required="false" name="Mode">
                              <Option label="Ex" value="x"/>
                            </AD>
                          </OCD>
                        """, "<Designate factoryPid=\"com.example.a\" pid=\"\"><Object ocdref=\"A\"/></Designate>\n"),
                "OSGI-INF/metatype/sub/Ignored.xml", "not even XML",
                "OSGI-INF/other/Ignored.xml", "not even XML"));

        List<Pid> pids = new MetatypeReader().read(jar);

        assertThat(pids).hasSize(1);
        Pid pid = pids.get(0);
        assertThat(pid.pid()).isEqualTo("com.example.a");
        assertThat(pid.factory()).isTrue();
        assertThat(pid.bundle().symbolicName()).isEqualTo("com.example.a");
        assertThat(pid.bundle().version()).isEqualTo("1.0.0");
        assertThat(pid.ocd().name()).isEqualTo("An A");
        assertThat(pid.ocd().description()).isEqualTo("Does A.");
        assertThat(pid.ocd().attributes()).containsExactly(new Attribute("mode", "Mode", "", "String", -5,
                List.of("x", "y ", "z"), false, null, null, List.of(new Option("x", "Ex"))));
    }

    @Test
    void designatesMayReferenceAnOcdOfAnotherDescriptorOfTheSameJar() throws IOException {
        Path jar = bundle(dir.resolve("split.jar"), "com.example.split", "1.0.0", Map.of(
                "OSGI-INF/metatype/a-ocd.xml", descriptor("<OCD id=\"O\" name=\"O\"><AD id=\"k\" type=\"Long\"/></OCD>\n", ""),
                "OSGI-INF/metatype/b-designate.xml", descriptor("", "<Designate pid=\"p\"><Object ocdref=\"O\"/></Designate>\n")));

        assertThat(new MetatypeReader().read(jar)).singleElement()
                .satisfies(pid -> assertThat(pid.ocd().id()).isEqualTo("O"));
    }

    @Test
    void localizesPercentTextsFromTheDescriptorsLocalizationFile() throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n<metatype:MetaData xmlns:metatype=\"http://www.osgi.org/xmlns/metatype/v1.0.0\""
                + " localization=\"OSGI-INF/l10n/metatype\">\n"
                + "  <OCD id=\"L\" name=\"%ocd.name\" description=\"%missing\">\n"
                + "    <AD id=\"k\" type=\"String\" name=\"%k.name\" description=\"%k.desc\"/>\n  </OCD>\n"
                + "  <Designate pid=\"l\"><Object ocdref=\"L\"/></Designate>\n</metatype:MetaData>\n";
        Path jar = bundle(dir.resolve("l.jar"), "com.example.l", "1.0.0", Map.of(
                "OSGI-INF/metatype/L.xml", xml,
                "OSGI-INF/l10n/metatype.properties", "ocd.name=Localized\nk.name=Key\nk.desc=The key.\n"));

        Pid pid = new MetatypeReader().read(jar).get(0);

        assertThat(pid.ocd().name()).isEqualTo("Localized");
        assertThat(pid.ocd().description()).isEqualTo("%missing");
        assertThat(pid.ocd().attributes().get(0).name()).isEqualTo("Key");
        assertThat(pid.ocd().attributes().get(0).description()).isEqualTo("The key.");
    }

    @Test
    void aJarWithoutManifestIsNamedByItsFile() throws IOException {
        Path jar = bundle(dir.resolve("plain.jar"), null, null, Map.of("OSGI-INF/metatype/P.xml",
                descriptor("<OCD id=\"P\" name=\"P\"/>\n", "<Designate pid=\"p\"><Object ocdref=\"P\"/></Designate>\n")));

        Pid pid = new MetatypeReader().read(jar).get(0);

        assertThat(pid.bundle().symbolicName()).isEqualTo("plain.jar");
        assertThat(pid.bundle().version()).isEqualTo("0.0.0");
    }

    @Test
    void aDesignateOfAnUnknownOcdFailsNamingTheEntry() throws IOException {
        Path jar = bundle(dir.resolve("u.jar"), "com.example.u", "1.0.0", Map.of("OSGI-INF/metatype/U.xml",
                descriptor("", "<Designate pid=\"u\"><Object ocdref=\"Nope\"/></Designate>\n")));

        assertThatThrownBy(() -> new MetatypeReader().read(jar))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessage(jar + "!OSGI-INF/metatype/U.xml: Designate pid \"u\" references OCD \"Nope\","
                        + " which no descriptor of the jar defines");
    }

    @Test
    void aDocumentThatIsNotMetatypeFailsNamingTheEntry() throws IOException {
        Path jar = bundle(dir.resolve("n.jar"), "com.example.n", "1.0.0", Map.of("OSGI-INF/metatype/N.xml",
                "<?xml version=\"1.0\"?><project/>"));

        assertThatThrownBy(() -> new MetatypeReader().read(jar))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessageStartingWith(jar + "!OSGI-INF/metatype/N.xml: not a Metatype descriptor: root element is {}project");
    }

    @Test
    void aBadCardinalityFailsNamingTheEntryAndTheKey() throws IOException {
        Path jar = bundle(dir.resolve("c.jar"), "com.example.c", "1.0.0", Map.of("OSGI-INF/metatype/C.xml",
                descriptor("<OCD id=\"C\" name=\"C\"><AD id=\"k\" type=\"String\" cardinality=\"many\"/></OCD>\n",
                        "<Designate pid=\"c\"><Object ocdref=\"C\"/></Designate>\n")));

        assertThatThrownBy(() -> new MetatypeReader().read(jar))
                .isInstanceOf(ConfigReferenceException.class)
                .hasMessage(jar + "!OSGI-INF/metatype/C.xml: OCD \"C\", AD \"k\": cardinality is not an integer: \"many\"");
    }

    @Test
    void splitsDefaultsAsTheMetatypeSpecificationSays() {
        assertThat(MetatypeReader.splitDefault("")).containsExactly("");
        assertThat(MetatypeReader.splitDefault("GET")).containsExactly("GET");
        assertThat(MetatypeReader.splitDefault("GET\\,POST")).containsExactly("GET,POST");
        assertThat(MetatypeReader.splitDefault(" a , b c ,\\ d\\ ")).containsExactly("a", "b c", " d ");
        assertThat(MetatypeReader.splitDefault("C:\\\\temp")).containsExactly("C:\\temp");
    }

    @Test
    void showsBndsTimestampQualifierAsSnapshot() {
        assertThat(MetatypeReader.displayVersion("0.1.0.202611280124")).isEqualTo("0.1.0.SNAPSHOT");
        assertThat(MetatypeReader.displayVersion("0.1.0.20261128012400")).isEqualTo("0.1.0.SNAPSHOT");
        assertThat(MetatypeReader.displayVersion("1.2.3.RC1")).isEqualTo("1.2.3.RC1");
        assertThat(MetatypeReader.displayVersion("3.7.4")).isEqualTo("3.7.4");
        assertThat(MetatypeReader.displayVersion(null)).isEqualTo("0.0.0");
    }
}
