package io.tribune.feed;

import java.io.StringWriter;
import java.time.Instant;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.tribune.web.TimeExtensions;

/** A small Atom 1.0 writer over XMLStreamWriter, which does all escaping. */
final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter xml;

    AtomWriter(String id, String title, String subtitle, String self, String alternate, Instant updated) {
        try {
            xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text("id", id);
            text("title", title);
            text("subtitle", subtitle);
            link("self", "application/atom+xml", self);
            link("alternate", "text/html", alternate);
            text("updated", iso(updated));
            text("generator", "Tribune");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    record Entry(String id, String title, String url, Instant published, Instant updated, String authorName,
            String authorUri, String categoryTerm, String categoryLabel, String summary, String htmlContent) {
    }

    AtomWriter entry(Entry e) {
        try {
            xml.writeStartElement("entry");
            text("id", e.id());
            text("title", e.title());
            link("alternate", "text/html", e.url());
            text("published", iso(e.published()));
            text("updated", iso(e.updated() != null && e.updated().isAfter(e.published()) ? e.updated() : e.published()));
            xml.writeStartElement("author");
            text("name", e.authorName());
            if (e.authorUri() != null) {
                text("uri", e.authorUri());
            }
            xml.writeEndElement();
            if (e.categoryTerm() != null) {
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", e.categoryTerm());
                xml.writeAttribute("label", e.categoryLabel());
            }
            if (e.summary() != null) {
                text("summary", e.summary());
            }
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            // relative links in the HTML (pictures, other articles) resolve against the entry's address
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "base", e.url());
            xml.writeCharacters(clean(e.htmlContent()));
            xml.writeEndElement();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String finish() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static String iso(Instant instant) {
        return TimeExtensions.iso(instant == null ? Instant.EPOCH : instant);
    }

    private void text(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private void link(String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** Characters XML 1.0 cannot carry at all (control characters) are dropped rather than breaking the feed. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
