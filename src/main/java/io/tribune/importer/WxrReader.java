package io.tribune.importer;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress WXR export ({@code rss/channel}): {@code wp:author} entries, then each {@code item}. Posts
 * ({@code wp:post_type} post) that are published come over with their approved comments; pages, attachments,
 * other types and unpublished posts are skipped and counted, and so are unapproved, spam, trashed comments and
 * pingbacks. Elements are matched by local name (WXR 1.0 to 1.2 differ only in the namespace's version).
 */
final class WxrReader {

    private WxrReader() {
    }

    static void read(InputStream in, Source.Sink sink) throws ImportFailure {
        XMLStreamReader reader = Xml.open(in);
        try {
            boolean root = true;
            while (reader.hasNext()) {
                int event = Xml.next(reader);
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (root) {
                    if (!name.equals("rss")) {
                        throw new ImportFailure("This is not a WordPress export (WXR): its root element is <" + name
                                + ">, not <rss>. Nothing was imported.");
                    }
                    root = false;
                } else if (name.equals("author") && isWordPress(reader)) {
                    author(reader, sink);
                } else if (name.equals("item")) {
                    item(reader, sink);
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

    private static boolean isWordPress(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        return ns != null && ns.contains("wordpress.org/export");
    }

    private static void author(XMLStreamReader reader, Source.Sink sink) throws XMLStreamException, ImportFailure {
        String login = null;
        String email = null;
        String displayName = null;
        while (true) {
            int event = Xml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("author")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "author_login" -> login = Xml.text(reader).strip();
                    case "author_email" -> email = Xml.text(reader).strip();
                    case "author_display_name", "display_name" -> displayName = Xml.text(reader).strip();
                    default -> Xml.skip(reader);
                }
            }
        }
        if (login != null && !login.isEmpty()) {
            sink.author(new Source.Author(login, email, displayName));
        }
    }

    private static void item(XMLStreamReader reader, Source.Sink sink) throws XMLStreamException, ImportFailure {
        int line = Xml.line(reader);
        String id = null;
        String title = "";
        String content = "";
        String excerpt = "";
        String creator = null;
        String slug = null;
        String status = null;
        String type = null;
        String categorySlug = null;
        String categoryName = null;
        Instant gmt = null;
        Instant local = null;
        List<Source.Comment> comments = new ArrayList<>();
        List<Boolean> importable = new ArrayList<>();
        List<String> skippedComments = new ArrayList<>();
        while (true) {
            int event = Xml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("item")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            switch (name) {
                case "title" -> title = Xml.text(reader).strip();
                case "encoded" -> {
                    if (ns.contains("excerpt")) {
                        excerpt = Xml.text(reader);
                    } else {
                        content = Xml.text(reader);
                    }
                }
                case "creator" -> creator = Xml.text(reader).strip();
                case "post_id" -> id = Xml.text(reader).strip();
                case "post_name" -> slug = Xml.text(reader).strip();
                case "status" -> status = Xml.text(reader).strip();
                case "post_type" -> type = Xml.text(reader).strip();
                case "post_date_gmt" -> gmt = Xml.wordpressDate(Xml.text(reader));
                case "post_date" -> local = Xml.wordpressDate(Xml.text(reader));
                case "category" -> {
                    String domain = reader.getAttributeValue(null, "domain");
                    String nicename = reader.getAttributeValue(null, "nicename");
                    String text = Xml.text(reader).strip();
                    if ("category".equals(domain) && categorySlug == null && nicename != null && !nicename.isBlank()) {
                        categorySlug = nicename.strip();
                        categoryName = text.isEmpty() ? categorySlug : text;
                    }
                }
                case "comment" -> comment(reader, sink, comments, importable, skippedComments);
                default -> Xml.skip(reader);
            }
        }
        String what = (type == null ? "item" : type) + " " + (id == null ? "without an id" : id);
        if (!"post".equals(type)) {
            sink.skipped(type == null || type.isEmpty() ? "item of no type" : type);
            skipComments(comments, importable, sink, "comment on a skipped " + type);
            return;
        }
        if (!"publish".equals(status)) {
            sink.skipped("unpublished post (" + status + ")");
            skipComments(comments, importable, sink, "comment on an unpublished post");
            return;
        }
        if (id == null || id.isEmpty()) {
            sink.unreadable("post", line, "it has no wp:post_id");
            return;
        }
        if (title.isEmpty() && content.isBlank()) {
            sink.unreadable(what, line, "it has neither a title nor any content");
            return;
        }
        Instant published = gmt != null ? gmt : local;
        if (published == null) {
            sink.unreadable(what, line, "it has no publication date");
            return;
        }
        sink.post(new Source.Post(id, slug, title, content, excerpt, creator, categorySlug, categoryName, published, line));
        for (String skipped : skippedComments) {
            sink.skipped(skipped);
        }
        for (int i = 0; i < comments.size(); i++) {
            Source.Comment c = comments.get(i);
            sink.comment(new Source.Comment(c.id(), c.parent(), id, c.authorName(), c.email(), c.username(),
                    c.createdAt(), c.html(), c.line()), importable.get(i));
        }
    }

    private static void skipComments(List<Source.Comment> comments, List<Boolean> importable, Source.Sink sink,
            String what) {
        for (int i = 0; i < comments.size(); i++) {
            sink.skipped(what);
        }
    }

    private static void comment(XMLStreamReader reader, Source.Sink sink, List<Source.Comment> comments,
            List<Boolean> importable, List<String> skipped) throws XMLStreamException, ImportFailure {
        int line = Xml.line(reader);
        String id = null;
        String parent = null;
        String author = null;
        String email = null;
        String approved = null;
        String type = null;
        String content = null;
        Instant gmt = null;
        Instant local = null;
        while (true) {
            int event = Xml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("comment")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "comment_id" -> id = Xml.text(reader).strip();
                case "comment_parent" -> parent = Xml.text(reader).strip();
                case "comment_author" -> author = Xml.text(reader).strip();
                case "comment_author_email" -> email = Xml.text(reader).strip();
                case "comment_approved" -> approved = Xml.text(reader).strip();
                case "comment_type" -> type = Xml.text(reader).strip();
                case "comment_content" -> content = Xml.text(reader);
                case "comment_date_gmt" -> gmt = Xml.wordpressDate(Xml.text(reader));
                case "comment_date" -> local = Xml.wordpressDate(Xml.text(reader));
                default -> Xml.skip(reader);
            }
        }
        if (type != null && (type.equals("pingback") || type.equals("trackback"))) {
            skipped.add(type);
            return;
        }
        if (!"1".equals(approved)) {
            skipped.add("0".equals(approved) ? "unapproved comment" : approved == null ? "comment of no status"
                    : approved + " comment");
            // kept in the graph (not importable) so that its approved replies find their nearest imported ancestor
            if (id != null && !id.isEmpty()) {
                comments.add(new Source.Comment(id, zeroIsNone(parent), null, author, email, null, null, null, line));
                importable.add(false);
            }
            return;
        }
        Instant created = gmt != null ? gmt : local;
        if (id == null || id.isEmpty() || content == null || created == null) {
            sink.unreadable("comment" + (id == null || id.isEmpty() ? "" : " " + id), line,
                    id == null || id.isEmpty() ? "it has no wp:comment_id" : content == null ? "it has no content"
                            : "it has no date");
            return;
        }
        comments.add(new Source.Comment(id, zeroIsNone(parent), null, author, email, null, created, content, line));
        importable.add(true);
    }

    private static String zeroIsNone(String parent) {
        return parent == null || parent.isEmpty() || parent.equals("0") ? null : parent;
    }
}
