package io.tribune.importer;

import java.io.InputStream;
import java.time.Instant;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Disqus XML export: {@code <disqus>} with {@code <category>}, {@code <thread dsq:id>} and
 * {@code <post dsq:id>} elements. Deleted and spam posts are skipped and counted; a deleted thread is read all the
 * same (its posts say for themselves whether they were deleted).
 */
final class DisqusReader {

    private DisqusReader() {
    }

    static void read(InputStream in, Source.Sink sink) throws ImportFailure {
        XMLStreamReader reader = Xml.open(in);
        try {
            boolean root = true;
            int depth = 0;
            while (reader.hasNext()) {
                int event = Xml.next(reader);
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (root) {
                    if (!name.equals("disqus")) {
                        throw new ImportFailure("This is not a Disqus export: its root element is <" + name
                                + ">, not <disqus>. Nothing was imported.");
                    }
                    root = false;
                    depth = 1;
                    continue;
                }
                if (depth == 1 && name.equals("thread")) {
                    thread(reader, sink);
                } else if (depth == 1 && name.equals("post")) {
                    post(reader, sink);
                } else {
                    Xml.skip(reader);
                }
            }
            if (root) {
                throw new ImportFailure("The file is empty. Nothing was imported.");
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that failed
            }
        }
    }

    /** The {@code dsq:id} attribute of the current element. */
    private static String dsqId(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals("id")) {
                String value = reader.getAttributeValue(i).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static void thread(XMLStreamReader reader, Source.Sink sink) throws XMLStreamException, ImportFailure {
        int line = Xml.line(reader);
        String id = dsqId(reader);
        String link = null;
        String title = null;
        String identifier = null;
        while (true) {
            int event = Xml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("thread")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "link" -> link = Xml.text(reader).strip();
                case "title" -> title = Xml.text(reader).strip();
                case "id" -> identifier = Xml.text(reader).strip();
                default -> Xml.skip(reader);
            }
        }
        if (id == null) {
            sink.unreadable("thread", line, "it has no dsq:id");
            return;
        }
        sink.thread(new Source.Thread(id, link, title, identifier, line));
    }

    private static void post(XMLStreamReader reader, Source.Sink sink) throws XMLStreamException, ImportFailure {
        int line = Xml.line(reader);
        String id = dsqId(reader);
        String thread = null;
        String parent = null;
        String message = null;
        String name = null;
        String email = null;
        String username = null;
        boolean anonymous = false;
        boolean deleted = false;
        boolean spam = false;
        Instant created = null;
        while (true) {
            int event = Xml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("post")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "thread" -> {
                    thread = dsqId(reader);
                    Xml.skip(reader);
                }
                case "parent" -> {
                    parent = dsqId(reader);
                    Xml.skip(reader);
                }
                case "message" -> message = Xml.text(reader);
                case "createdAt" -> created = Xml.isoDate(Xml.text(reader));
                case "isDeleted" -> deleted = Xml.text(reader).strip().equalsIgnoreCase("true");
                case "isSpam" -> spam = Xml.text(reader).strip().equalsIgnoreCase("true");
                case "author" -> {
                    while (true) {
                        int e = Xml.next(reader);
                        if (e == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("author")) {
                            break;
                        }
                        if (e == XMLStreamConstants.START_ELEMENT) {
                            switch (reader.getLocalName()) {
                                case "name" -> name = Xml.text(reader).strip();
                                case "email" -> email = Xml.text(reader).strip();
                                case "username" -> username = Xml.text(reader).strip();
                                case "isAnonymous" -> anonymous = Xml.text(reader).strip().equalsIgnoreCase("true");
                                default -> Xml.skip(reader);
                            }
                        }
                    }
                }
                default -> Xml.skip(reader);
            }
        }
        if (id == null) {
            sink.unreadable("post", line, "it has no dsq:id");
            return;
        }
        if (deleted || spam) {
            sink.skipped(deleted ? "deleted post" : "spam post");
            sink.comment(new Source.Comment(id, parent, thread, null, null, null, null, null, line), false);
            return;
        }
        if (thread == null || message == null || created == null) {
            sink.unreadable("post " + id, line, thread == null ? "it names no thread" : message == null
                    ? "it has no message" : "it has no readable createdAt");
            return;
        }
        sink.comment(new Source.Comment(id, parent, thread, name, email, anonymous ? null : username, created, message,
                line), true);
    }
}
