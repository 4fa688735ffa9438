package io.tribune.importer;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming XML (StAX) for import files of any size, with XXE closed: no DTD is read, no entity is resolved or
 * replaced, and a file that declares a DOCTYPE at all is refused.
 */
final class Xml {

    private static final XMLInputFactory FACTORY = factory();
    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    static XMLStreamReader open(InputStream in) throws ImportFailure {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** The next event; a DOCTYPE or an entity reference ends the import. */
    static int next(XMLStreamReader reader) throws XMLStreamException, ImportFailure {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new ImportFailure("Line " + line(reader) + ": the file declares a DOCTYPE. Export files have none, and"
                    + " none is read (DTDs and entities are refused): nothing was imported.");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new ImportFailure("Line " + line(reader) + ": the entity &" + reader.getLocalName()
                    + "; is not allowed in an import file: nothing was imported.");
        }
        return event;
    }

    /** The text of the current element (CDATA and text alike); child elements are skipped. */
    static String text(XMLStreamReader reader) throws XMLStreamException, ImportFailure {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of file",
                        reader.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element and everything in it. */
    static void skip(XMLStreamReader reader) throws XMLStreamException, ImportFailure {
        text(reader);
    }

    static int line(XMLStreamReader reader) {
        Location location = reader.getLocation();
        return location == null ? -1 : location.getLineNumber();
    }

    static ImportFailure failure(XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // the JDK's messages start with "ParseError at [row,col]:[12,5]\nMessage: ..."
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        message = message.replaceAll("\\s+", " ").strip();
        return new ImportFailure((location == null ? "" : "Line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ": ") + "the file is not well-formed XML (" + message
                + "). Nothing was imported.");
    }

    /** A WordPress GMT date ("2024-05-01 10:00:00"), or null when empty or zero (drafts). */
    static Instant wordpressDate(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(v, WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A Disqus date ("2024-05-01T10:00:00Z"), or null. */
    static Instant isoDate(String value) {
        String v = value == null ? "" : value.strip();
        try {
            return v.isEmpty() ? null : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
