package io.tribune.reading;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tribune.comment.CommentNode;
import io.tribune.comment.CommentStatus;

/**
 * The article page as every logged-in reader shares it, rendered once and cut where readers differ: the header's
 * account links, the CSRF token, the comment box (or why they may not comment), each comment's actions (their
 * up-vote, reply, edit and delete for their own comments, report, mute), its "new" class and label, the fold around
 * a muted author's comment and the "N new" link (issue 15). A reader's page is these pieces put back
 * together with their own inserts: no template is rendered for the thread, and the markup of the inserts is small.
 */
final class SharedArticlePage {

    /** Per-comment markers: its actions, its "new" class and label, the fold around a muted author's comment. */
    private static final Pattern CONTROLS = Pattern.compile("<!--(controls|new|newlabel|mute|/mute):(\\d+)-->|<!--newcount-->");
    /** A CSRF field with its value (quarkus-rest-csrf's default name). */
    private static final Pattern TOKEN_FIELD = Pattern.compile("name=\"csrf-token\" value=\"[^\"]");
    private static final String COMPOSE_START = "<!--compose-->";
    private static final String COMPOSE_END = "<!--/compose-->";

    private interface Part {
    }

    private record Text(byte[] utf8) implements Part {
    }

    private enum Slot implements Part {
        TOKEN, NAV, NEW_COUNT
    }

    /**
     * A comment's actions. Most readers of most comments get the same markup but for their up-vote and the count
     * (a reader who may take part, on someone else's visible comment whose author they did not mute): that markup is
     * kept as bytes around the count, so a page of a few hundred comments is put together without building strings.
     */
    private record Controls(CommentNode node, byte[] unvoted, byte[] voted, byte[] afterCount) implements Part {

        static Controls of(CommentNode node, boolean open) {
            long id = node.id();
            String button = "<button form=\"comment-actions\" name=\"vote\" value=\"" + id + "\" aria-pressed=\"";
            String after = "</button>"
                    + (open ? " <a href=\"/comments/" + id + "/reply\">Reply</a>" : "")
                    + " <a href=\"/comments/" + id + "/report\">Report</a>"
                    + (node.authorGone() ? "" : " <button form=\"comment-actions\" name=\"mute\" value=\"" + id + "\">Mute</button>");
            return new Controls(node, (button + "false\">Up ").getBytes(StandardCharsets.UTF_8),
                    (button + "true\">Up ").getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
        }

        /** Whether this reader gets the kept markup (else it is built for them by {@code controls}). */
        boolean keptFor(Reader reader) {
            return reader.blockReason() == null && node.isVisible()
                    && !reader.username().equalsIgnoreCase(node.authorUsername()) && !mutes(node, reader)
                    && !(node.isEdited() && reader.moderator());
        }
    }

    private enum MarkKind {
        NEW_CLASS, NEW_LABEL, MUTE_OPEN, MUTE_CLOSE
    }

    /** What the reader's own state puts at a comment: " new" in its class, a "new" label, a fold if muted. */
    private record Mark(MarkKind kind, CommentNode node) implements Part {
    }

    /** The comment box, for a reader who may comment; others get the reason they may not. */
    private record Compose(List<Part> parts) implements Part {
    }

    /**
     * What differs for one reader. {@code blockReason} is null when they may take part; {@code counts} are the
     * comments' vote counts now (the page's own are those it was rendered with); {@code muted} are the authors they
     * muted; comments since {@code newSince} (null: none) are marked new.
     */
    record Reader(String username, String blockReason, Set<Long> voted, Map<Long, Integer> counts, String token,
            String nav, int editMinutes, boolean moderator, Set<Long> muted, Instant newSince) {

        int votes(CommentNode node) {
            return counts.getOrDefault(node.id(), node.votes());
        }
    }

    private final List<Part> parts;
    private final List<Long> commentIds;
    /** The comments of the threads in the order of the page, for the "N new" link to the first new one. */
    private final List<CommentNode> ordered;
    private final boolean open;
    private final boolean empty;
    private final int bytes;

    private SharedArticlePage(List<Part> parts, List<Long> commentIds, boolean open, boolean empty) {
        this.parts = parts;
        this.ordered = new ArrayList<>();
        collectNewMarks(parts, ordered);
        this.commentIds = commentIds;
        this.open = open;
        this.empty = empty;
        this.bytes = size(parts);
    }

    /**
     * Cuts a page rendered for the shared viewer. {@code nav} and {@code token} are the account links and CSRF token
     * of the request that rendered it, found in the page and replaced by each reader's own. Empty when they cannot
     * be found (then the page is rendered for each reader).
     */
    static Optional<SharedArticlePage> cut(String html, String nav, String token, Map<Long, CommentNode> nodes,
            boolean open, boolean empty) {
        int at = html.indexOf(nav);
        if (at < 0 || token.length() < 16) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        cutCompose(html.substring(0, at), token, nodes, parts, open);
        parts.add(Slot.NAV);
        cutCompose(html.substring(at + nav.length()), token, nodes, parts, open);
        if (!parts.contains(Slot.TOKEN) || leavesAToken(parts)) {
            return Optional.empty(); // a form whose token is not this request's: never share it
        }
        return Optional.of(new SharedArticlePage(List.copyOf(parts), List.copyOf(nodes.keySet()), open, empty));
    }

    private static void collectNewMarks(List<Part> parts, List<CommentNode> into) {
        for (Part part : parts) {
            if (part instanceof Mark mark && mark.kind() == MarkKind.NEW_CLASS) {
                into.add(mark.node());
            } else if (part instanceof Compose compose) {
                collectNewMarks(compose.parts(), into);
            }
        }
    }

    /** Whether a form field still carries a token once this request's own were cut out. */
    private static boolean leavesAToken(List<Part> parts) {
        for (Part part : parts) {
            if (part instanceof Text text && TOKEN_FIELD.matcher(new String(text.utf8(), StandardCharsets.UTF_8)).find()) {
                return true;
            }
            if (part instanceof Compose compose && leavesAToken(compose.parts())) {
                return true;
            }
        }
        return false;
    }

    private static void cutCompose(String html, String token, Map<Long, CommentNode> nodes, List<Part> into,
            boolean open) {
        int start = html.indexOf(COMPOSE_START);
        int end = html.indexOf(COMPOSE_END);
        if (start < 0 || end < start) {
            cutTokens(html, token, nodes, into, open);
            return;
        }
        cutTokens(html.substring(0, start), token, nodes, into, open);
        List<Part> box = new ArrayList<>();
        cutTokens(html.substring(start + COMPOSE_START.length(), end), token, nodes, box, open);
        into.add(new Compose(List.copyOf(box)));
        cutTokens(html.substring(end + COMPOSE_END.length()), token, nodes, into, open);
    }

    private static void cutTokens(String html, String token, Map<Long, CommentNode> nodes, List<Part> into,
            boolean open) {
        int from = 0;
        for (int at = html.indexOf(token); at >= 0; at = html.indexOf(token, from)) {
            cutControls(html.substring(from, at), nodes, into, open);
            into.add(Slot.TOKEN);
            from = at + token.length();
        }
        cutControls(html.substring(from), nodes, into, open);
    }

    private static void cutControls(String html, Map<Long, CommentNode> nodes, List<Part> into, boolean open) {
        Matcher marker = CONTROLS.matcher(html);
        int from = 0;
        while (marker.find()) {
            if (marker.group(1) == null) {
                text(html.substring(from, marker.start()), into);
                into.add(Slot.NEW_COUNT);
                from = marker.end();
                continue;
            }
            CommentNode node = nodes.get(Long.parseLong(marker.group(2)));
            if (node == null) {
                continue; // cannot happen: every marker comes from a node of this page
            }
            text(html.substring(from, marker.start()), into);
            into.add(switch (marker.group(1)) {
                case "controls" -> Controls.of(node, open);
                case "new" -> new Mark(MarkKind.NEW_CLASS, node);
                case "newlabel" -> new Mark(MarkKind.NEW_LABEL, node);
                case "mute" -> new Mark(MarkKind.MUTE_OPEN, node);
                default -> new Mark(MarkKind.MUTE_CLOSE, node);
            });
            from = marker.end();
        }
        text(html.substring(from), into);
    }

    private static void text(String text, List<Part> into) {
        if (!text.isEmpty()) {
            into.add(new Text(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The ids of the comments on this page, whose votes by the reader are looked up. */
    List<Long> commentIds() {
        return commentIds;
    }

    /** Whether the page of threads was empty (a page past the end is "not found"). */
    boolean empty() {
        return empty;
    }

    int bytes() {
        return bytes;
    }

    /** This reader's page, as UTF-8. */
    byte[] pageFor(Reader reader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 8 * 1024 + commentIds.size() * 200);
        Instant now = Instant.now();
        write(parts, reader, now, out, new StringBuilder(512));
        return out.toByteArray();
    }

    private void write(List<Part> list, Reader reader, Instant now, ByteArrayOutputStream out, StringBuilder scratch) {
        for (Part part : list) {
            if (part instanceof Text text) {
                out.writeBytes(text.utf8());
            } else if (part == Slot.TOKEN) {
                out.writeBytes(reader.token().getBytes(StandardCharsets.UTF_8));
            } else if (part == Slot.NAV) {
                out.writeBytes(reader.nav().getBytes(StandardCharsets.UTF_8));
            } else if (part == Slot.NEW_COUNT) {
                newCount(reader, out);
            } else if (part instanceof Mark mark) {
                mark(mark, reader, out);
            } else if (part instanceof Controls controls && controls.keptFor(reader)) {
                long id = controls.node().id();
                out.writeBytes(reader.voted().contains(id) ? controls.voted() : controls.unvoted());
                writeNumber(reader.votes(controls.node()), out);
                out.writeBytes(controls.afterCount());
            } else if (part instanceof Controls controls) {
                scratch.setLength(0);
                controls(controls.node(), reader, now, scratch);
                out.writeBytes(scratch.toString().getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof Compose compose) {
                if (reader.blockReason() == null) {
                    write(compose.parts(), reader, now, out, scratch);
                } else {
                    out.writeBytes(("<p class=\"warning\" role=\"status\">" + escape(reader.blockReason()) + "</p>")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static boolean isNew(CommentNode node, Reader reader) {
        return reader.newSince() != null && node.createdAt().isAfter(reader.newSince())
                && !reader.username().equalsIgnoreCase(node.authorUsername());
    }

    private static boolean mutes(CommentNode node, Reader reader) {
        return !reader.muted().isEmpty() && node.authorId() != null && reader.muted().contains(node.authorId());
    }

    private static void writeNumber(int number, ByteArrayOutputStream out) {
        if (number >= 0 && number < 10) {
            out.write('0' + number);
        } else {
            out.writeBytes(Integer.toString(number).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The same markup as the {@code commentNode} tag's: only fixed text here. */
    private static final byte[] NEW_CLASS = " new".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW_LABEL = "<strong class=\"new-mark\">new</strong>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MUTE_OPEN = "<details class=\"muted\"><summary>Comment by a muted user — show</summary>"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] MUTE_CLOSE = "</details>".getBytes(StandardCharsets.UTF_8);

    private static void mark(Mark mark, Reader reader, ByteArrayOutputStream out) {
        CommentNode node = mark.node();
        byte[] html = switch (mark.kind()) {
            case NEW_CLASS -> isNew(node, reader) ? NEW_CLASS : null;
            case NEW_LABEL -> isNew(node, reader) ? NEW_LABEL : null;
            case MUTE_OPEN -> mutes(node, reader) ? MUTE_OPEN : null;
            case MUTE_CLOSE -> mutes(node, reader) ? MUTE_CLOSE : null;
        };
        if (html != null) {
            out.writeBytes(html);
        }
    }

    /** "3 new since your last visit", linking to the first, as the {@code thread} template writes it. */
    private void newCount(Reader reader, ByteArrayOutputStream out) {
        long first = -1;
        int count = 0;
        for (CommentNode node : ordered) {
            if (node.isVisible() && isNew(node, reader) && !mutes(node, reader)) {
                first = count == 0 ? node.id() : first;
                count++;
            }
        }
        if (count > 0) {
            out.writeBytes(("<p class=\"new-since\" role=\"status\"><a href=\"#c" + first + "\">" + count
                    + " new</a> since your last visit</p>").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A comment's actions for this reader, the same markup as the {@code commentNode} tag (and {@code voteButton}
     * for the button an up-vote swaps in). Only numbers are written here: no text from users.
     */
    private void controls(CommentNode node, Reader reader, Instant now, StringBuilder html) {
        long id = node.id();
        boolean participates = reader.blockReason() == null;
        boolean own = reader.username().equalsIgnoreCase(node.authorUsername());
        if (participates && !own && node.isVisible()) {
            html.append("<button form=\"comment-actions\" name=\"vote\" value=\"").append(id)
                    .append("\" aria-pressed=\"").append(reader.voted().contains(id)).append("\">Up ")
                    .append(reader.votes(node)).append("</button>");
        } else {
            html.append("<span class=\"votes\">Up ").append(reader.votes(node)).append("</span>");
        }
        if (participates && open && node.isVisible()) {
            html.append(" <a href=\"/comments/").append(id).append("/reply\">Reply</a>");
        }
        if (own && participates && node.isVisible()
                && now.isBefore(node.createdAt().plus(Duration.ofMinutes(reader.editMinutes())))) {
            html.append(" <a href=\"/comments/").append(id).append("/edit\">Edit</a>");
        }
        if (own && node.status() != CommentStatus.DELETED) {
            html.append(" <a href=\"/comments/").append(id).append("/delete\">Delete</a>");
        }
        if (node.isEdited() && (own || reader.moderator() && participates)) {
            html.append(" <a href=\"/comments/").append(id).append("/history\">Edit history</a>");
        }
        if (!own && participates && node.isVisible()) { // sanctioned readers report nothing (issue 14)
            html.append(" <a href=\"/comments/").append(id).append("/report\">Report</a>");
        }
        if (!own && !node.authorGone()) {
            boolean muted = mutes(node, reader);
            html.append(" <button form=\"comment-actions\" name=\"").append(muted ? "unmute" : "mute").append("\" value=\"")
                    .append(id).append(muted ? "\">Unmute</button>" : "\">Mute</button>");
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int size(List<Part> parts) {
        int total = 0;
        for (Part part : parts) {
            if (part instanceof Text text) {
                total += text.utf8().length;
            } else if (part instanceof Compose compose) {
                total += size(compose.parts());
            }
        }
        return total;
    }
}
