package io.tracker.tools.configreference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.tracker.tools.configreference.Metatype.Attribute;
import io.tracker.tools.configreference.Metatype.Bundle;
import io.tracker.tools.configreference.Metatype.ObjectClass;
import io.tracker.tools.configreference.Metatype.Option;
import io.tracker.tools.configreference.Metatype.Pid;

/**
 * Reads the OSGi Metatype descriptors of one jar: every {@code OSGI-INF/metatype/*.xml}, each
 * {@code <Designate>} resolved to the {@code <OCD>} it points at, with {@code %key} texts localized from the
 * bundle's default properties file.
 */
final class MetatypeReader {

    static final String METATYPE_DIR = "OSGI-INF/metatype/";
    private static final String NAMESPACE_PREFIX = "http://www.osgi.org/xmlns/metatype/v";
    /** bnd replaces the SNAPSHOT qualifier by a build time stamp (yyyyMMddHHmm): not shown, so output stays stable. */
    private static final Pattern TIMESTAMP_QUALIFIER = Pattern.compile("\\d{12}|\\d{14}");

    private final DocumentBuilderFactory factory = secureFactory();

    /** The PIDs the jar describes, in the order of its entries; none for a jar without descriptors. */
    List<Pid> read(Path jar) {
        String jarName = jar.toString();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            List<ZipEntry> entries = Collections.list(file.entries()).stream().map(ZipEntry.class::cast)
                    .filter(e -> !e.isDirectory() && isDescriptor(e.getName()))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .toList();
            if (entries.isEmpty()) {
                return List.of();
            }
            Manifest manifest = readManifest(file, jarName);
            Bundle bundle = bundle(manifest, jar);
            List<Parsed> parsed = new ArrayList<>();
            for (ZipEntry entry : entries) {
                parsed.add(parse(file, entry, jarName, manifest));
            }
            return resolve(parsed, bundle);
        } catch (ZipException e) {
            throw new ConfigReferenceException(jarName + ": not a jar (zip) file: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigReferenceException(jarName + ": cannot read: " + e, e);
        }
    }

    static boolean isDescriptor(String name) {
        return name.startsWith(METATYPE_DIR) && name.endsWith(".xml")
                && name.indexOf('/', METATYPE_DIR.length()) < 0;
    }

    // --- manifest

    private static Manifest readManifest(JarFile file, String jarName) {
        try {
            Manifest manifest = file.getManifest();
            return manifest != null ? manifest : new Manifest();
        } catch (IOException e) {
            throw new ConfigReferenceException(jarName + "!" + JarFile.MANIFEST_NAME + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Bundle bundle(Manifest manifest, Path jar) {
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        String symbolicName = bsn == null || bsn.isBlank()
                ? String.valueOf(jar.getFileName())
                : bsn.split(";", 2)[0].trim();
        String version = main.getValue("Bundle-Version");
        return new Bundle(symbolicName, displayVersion(version), jar.toString());
    }

    /** The Bundle-Version, with bnd's build time stamp qualifier shown as SNAPSHOT. */
    static String displayVersion(String version) {
        if (version == null || version.isBlank()) {
            return "0.0.0";
        }
        String[] parts = version.trim().split("\\.", 4);
        if (parts.length == 4 && TIMESTAMP_QUALIFIER.matcher(parts[3]).matches()) {
            return parts[0] + "." + parts[1] + "." + parts[2] + ".SNAPSHOT";
        }
        return version.trim();
    }

    // --- one descriptor

    /** One descriptor: its OCDs by id and its Designates, not yet resolved. */
    private record Parsed(String source, Map<String, ObjectClass> ocds, List<Designate> designates) {
    }

    private record Designate(String pid, boolean factory, String ocdref, String source) {
    }

    private Parsed parse(JarFile file, ZipEntry entry, String jarName, Manifest manifest) {
        String source = jarName + "!" + entry.getName();
        byte[] bytes;
        try (InputStream in = file.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigReferenceException(source + ": cannot read: " + e.getMessage(), e);
        }
        Document document;
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity not allowed: " + systemId);
            });
            InputSource input = new InputSource(new ByteArrayInputStream(bytes));
            input.setSystemId(entry.getName());
            document = builder.parse(input);
        } catch (SAXParseException e) {
            throw new ConfigReferenceException(source + ": XML does not parse (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ConfigReferenceException(source + ": XML does not parse: " + e.getMessage(), e);
        }

        Element root = document.getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (!"MetaData".equals(root.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
            throw new ConfigReferenceException(source + ": not a Metatype descriptor: root element is {"
                    + (namespace == null ? "" : namespace) + "}" + root.getLocalName()
                    + ", expected {" + NAMESPACE_PREFIX + "1.x.x}MetaData");
        }
        Localizer localizer = localizer(file, root, manifest, source);

        Map<String, ObjectClass> ocds = new LinkedHashMap<>();
        List<Designate> designates = new ArrayList<>();
        for (Element child : children(root)) {
            switch (child.getLocalName()) {
                case "OCD" -> {
                    ObjectClass ocd = objectClass(child, localizer, source);
                    if (ocds.putIfAbsent(ocd.id(), ocd) != null) {
                        throw new ConfigReferenceException(source + ": OCD id \"" + ocd.id() + "\" is defined twice");
                    }
                }
                case "Designate" -> designates.add(designate(child, source));
                default -> {
                    // Icon and extensions: not part of the reference
                }
            }
        }
        return new Parsed(source, ocds, designates);
    }

    private static ObjectClass objectClass(Element ocd, Localizer localizer, String source) {
        String id = required(ocd, "id", source);
        List<Attribute> attributes = new ArrayList<>();
        for (Element ad : children(ocd)) {
            if ("AD".equals(ad.getLocalName())) {
                attributes.add(attribute(ad, localizer, source + ": OCD \"" + id + "\""));
            }
        }
        return new ObjectClass(id, localizer.text(attr(ocd, "name")), localizer.text(attr(ocd, "description")),
                List.copyOf(attributes));
    }

    private static Attribute attribute(Element ad, Localizer localizer, String where) {
        String id = required(ad, "id", where);
        String at = where + ", AD \"" + id + "\"";
        String type = required(ad, "type", at);
        int cardinality = 0;
        String cardinalityText = attr(ad, "cardinality");
        if (!cardinalityText.isBlank()) {
            try {
                cardinality = Integer.parseInt(cardinalityText.trim());
            } catch (NumberFormatException e) {
                throw new ConfigReferenceException(at + ": cardinality is not an integer: \"" + cardinalityText + "\"");
            }
        }
        String requiredText = attr(ad, "required").trim();
        if (!requiredText.isEmpty() && !requiredText.equals("true") && !requiredText.equals("false")) {
            throw new ConfigReferenceException(at + ": required is neither true nor false: \"" + requiredText + "\"");
        }
        List<Option> options = new ArrayList<>();
        for (Element option : children(ad)) {
            if ("Option".equals(option.getLocalName())) {
                options.add(new Option(attr(option, "value"), localizer.text(attr(option, "label"))));
            }
        }
        return new Attribute(id, localizer.text(attr(ad, "name")), localizer.text(attr(ad, "description")), type,
                cardinality, ad.hasAttribute("default") ? splitDefault(attr(ad, "default")) : List.of(),
                !requiredText.equals("false"), nullIfBlank(attr(ad, "min")), nullIfBlank(attr(ad, "max")),
                List.copyOf(options));
    }

    private static Designate designate(Element designate, String source) {
        String pid = attr(designate, "pid").trim();
        String factoryPid = attr(designate, "factoryPid").trim();
        boolean factory = !factoryPid.isEmpty();
        String id = factory ? factoryPid : pid;
        if (id.isEmpty()) {
            throw new ConfigReferenceException(source + ": a Designate has neither pid nor factoryPid");
        }
        String at = source + ": Designate " + (factory ? "factoryPid" : "pid") + " \"" + id + "\"";
        String ocdref = null;
        for (Element object : children(designate)) {
            if ("Object".equals(object.getLocalName())) {
                if (ocdref != null) {
                    throw new ConfigReferenceException(at + " has more than one Object");
                }
                ocdref = required(object, "ocdref", at + ", Object");
            }
        }
        if (ocdref == null) {
            throw new ConfigReferenceException(at + " has no Object");
        }
        return new Designate(id, factory, ocdref, at);
    }

    /** Each Designate with the OCD it references, looked up first in its own descriptor, then in the jar's others. */
    private static List<Pid> resolve(List<Parsed> parsed, Bundle bundle) {
        List<Pid> pids = new ArrayList<>();
        for (Parsed descriptor : parsed) {
            for (Designate designate : descriptor.designates()) {
                ObjectClass ocd = descriptor.ocds().get(designate.ocdref());
                if (ocd == null) {
                    ocd = parsed.stream().map(p -> p.ocds().get(designate.ocdref()))
                            .filter(o -> o != null).findFirst().orElse(null);
                }
                if (ocd == null) {
                    throw new ConfigReferenceException(designate.source() + " references OCD \"" + designate.ocdref()
                            + "\", which no descriptor of the jar defines");
                }
                pids.add(new Pid(designate.pid(), designate.factory(), bundle, ocd, descriptor.source()));
            }
        }
        return pids;
    }

    // --- default values

    /**
     * The values of a Metatype {@code default} attribute: comma-separated, a backslash escapes the next
     * character (bnd escapes {@code \}, {@code ,} and space), unescaped white space around a value is ignored.
     */
    static List<String> splitDefault(String raw) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int keep = 0; // length of value up to and including its last escaped or non-blank character
        boolean started = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                value.append(raw.charAt(++i));
                keep = value.length();
                started = true;
            } else if (c == ',') {
                values.add(value.substring(0, keep));
                value.setLength(0);
                keep = 0;
                started = false;
            } else if (Character.isWhitespace(c)) {
                if (started) {
                    value.append(c);
                }
            } else {
                value.append(c);
                keep = value.length();
                started = true;
            }
        }
        values.add(value.substring(0, keep));
        return List.copyOf(values);
    }

    // --- localization

    /** Replaces {@code %key} texts by their value in the descriptor's default localization file. */
    private record Localizer(Properties properties) {

        String text(String value) {
            if (value.startsWith("%")) {
                String localized = properties.getProperty(value.substring(1));
                return localized != null ? localized : value;
            }
            return value;
        }
    }

    private static Localizer localizer(JarFile file, Element root, Manifest manifest, String source) {
        String base = attr(root, "localization").trim();
        if (base.isEmpty()) {
            base = manifest.getMainAttributes().getValue("Bundle-Localization");
        }
        if (base == null || base.isBlank()) {
            base = "OSGI-INF/l10n/bundle";
        }
        Properties properties = new Properties();
        ZipEntry entry = file.getEntry(base.trim() + ".properties");
        if (entry != null) {
            try (InputStream in = file.getInputStream(entry)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigReferenceException(source + ": cannot read its localization " + entry.getName()
                        + ": " + e.getMessage(), e);
            }
        }
        return new Localizer(properties);
    }

    // --- XML

    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // the parser's own warnings are not the user's business
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** The JDK's own parser, with DTDs, external entities, XInclude and external schemas off. */
    static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        return factory;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String attr(Element element, String name) {
        return element.getAttribute(name); // "" when absent
    }

    private static String required(Element element, String name, String where) {
        String value = attr(element, name).trim();
        if (value.isEmpty()) {
            throw new ConfigReferenceException(where + ": " + element.getLocalName() + " has no " + name + " attribute");
        }
        return value;
    }

    private static String nullIfBlank(String value) {
        return value.isBlank() ? null : value.trim();
    }
}
