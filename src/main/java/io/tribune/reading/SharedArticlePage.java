package io.tribune.reading;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tribune.comment.CommentNode;
import io.tribune.comment.CommentStatus;
import io.tribune.web.GzipMembers;

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
    /** The page's parts with the comment box's put in place, as for every reader who may take part. */
    private final Part[] flat;
    private final PartIndex index;
    /** The page as a reader with no state of their own sees it, for the vote counts last asked for. */
    private volatile Base base;

    private SharedArticlePage(List<Part> parts, List<Long> commentIds, boolean open, boolean empty) {
        this.parts = parts;
        this.ordered = new ArrayList<>();
        collectNewMarks(parts, ordered);
        this.commentIds = commentIds;
        this.open = open;
        this.empty = empty;
        this.bytes = size(parts);
        List<Part> flattened = new ArrayList<>();
        flatten(parts, flattened);
        this.flat = flattened.toArray(Part[]::new);
        this.index = new PartIndex(flat);
    }

    private static void flatten(List<Part> parts, List<Part> into) {
        for (Part part : parts) {
            if (part instanceof Compose compose) {
                flatten(compose.parts(), into);
            } else {
                into.add(part);
            }
        }
    }

    /**
     * Where the parts that can differ between readers who may take part are: the token and account-link slots
     * and the "N new" link (always written per reader), each comment's actions (by comment id, by its author's
     * username for the reader's own, by its author's id for a muted author's together with the fold), and the "new"
     * marks by the comment's time.
     */
    private static final class PartIndex {
        final int[] always;
        final Map<Long, int[]> byComment = new HashMap<>();
        final Map<String, int[]> byAuthorName = new HashMap<>();
        final Map<Long, int[]> byAuthorId = new HashMap<>();
        /** "New" marks, newest comment first. */
        final int[] newMarks;
        final Instant[] newMarkTimes;

        PartIndex(Part[] flat) {
            List<Integer> always = new ArrayList<>();
            Map<Long, List<Integer>> byComment = new HashMap<>();
            Map<String, List<Integer>> byAuthorName = new HashMap<>();
            Map<Long, List<Integer>> byAuthorId = new HashMap<>();
            List<Integer> newMarks = new ArrayList<>();
            for (int i = 0; i < flat.length; i++) {
                Part part = flat[i];
                if (part instanceof Slot) {
                    always.add(i);
                } else if (part instanceof Controls controls) {
                    CommentNode node = controls.node();
                    byComment.computeIfAbsent(node.id(), id -> new ArrayList<>()).add(i);
                    if (node.authorUsername() != null) {
                        byAuthorName.computeIfAbsent(node.authorUsername().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(i);
                    }
                    if (node.authorId() != null) {
                        byAuthorId.computeIfAbsent(node.authorId(), n -> new ArrayList<>()).add(i);
                    }
                } else if (part instanceof Mark mark) {
                    if (mark.kind() == MarkKind.NEW_CLASS || mark.kind() == MarkKind.NEW_LABEL) {
                        newMarks.add(i);
                    } else if (mark.node().authorId() != null) {
                        byAuthorId.computeIfAbsent(mark.node().authorId(), n -> new ArrayList<>()).add(i);
                    }
                }
            }
            this.always = ints(always);
            byComment.forEach((id, list) -> this.byComment.put(id, ints(list)));
            byAuthorName.forEach((name, list) -> this.byAuthorName.put(name, ints(list)));
            byAuthorId.forEach((id, list) -> this.byAuthorId.put(id, ints(list)));
            newMarks.sort((a, b) -> ((Mark) flat[b]).node().createdAt().compareTo(((Mark) flat[a]).node().createdAt()));
            this.newMarks = ints(newMarks);
            this.newMarkTimes = new Instant[this.newMarks.length];
            for (int i = 0; i < this.newMarks.length; i++) {
                newMarkTimes[i] = ((Mark) flat[this.newMarks[i]]).node().createdAt();
            }
        }

        /** The parts that may differ for this reader from what a reader with no state of their own sees. */
        BitSet differing(Reader reader) {
            BitSet parts = new BitSet();
            for (int i : always) {
                parts.set(i);
            }
            for (Long id : reader.voted()) {
                set(parts, byComment.get(id));
            }
            set(parts, byAuthorName.get(reader.username().toLowerCase(Locale.ROOT)));
            for (Long id : reader.muted()) {
                set(parts, byAuthorId.get(id));
            }
            if (reader.newSince() != null) {
                for (int i = 0; i < newMarks.length && newMarkTimes[i].isAfter(reader.newSince()); i++) {
                    parts.set(newMarks[i]);
                }
            }
            return parts;
        }

        private static void set(BitSet parts, int[] indexes) {
            if (indexes != null) {
                for (int i : indexes) {
                    parts.set(i);
                }
            }
        }

        private static int[] ints(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The page for one set of vote counts as a reader who may take part but voted for, wrote and muted nothing and
     * has nothing new sees it, in memory outside the heap, with where each part starts and ends: a reader's page is
     * this with their few differing parts put in, sent without copying the rest. For gzip it is also kept compressed
     * in blocks of about {@value #BLOCK} bytes, cut between parts and compressed apart: a reader's page reuses every
     * block without a part of theirs and compresses only the others.
     */
    private static final class Base {
        final Map<Long, Integer> counts;
        final ByteBuf bytes;
        final int[] starts;
        final int[] ends;
        private volatile Block[] blocks;

        Base(Map<Long, Integer> counts, ByteBuf bytes, int[] starts, int[] ends) {
            this.counts = counts;
            this.bytes = bytes;
            this.starts = starts;
            this.ends = ends;
        }

        Block[] blocks() {
            Block[] kept = blocks;
            if (kept == null) {
                kept = cutBlocks();
                blocks = kept;
            }
            return kept;
        }

        private Block[] cutBlocks() {
            byte[] raw = ByteBufUtil.getBytes(bytes);
            List<Block> cut = new ArrayList<>();
            int firstPart = 0;
            for (int part = 0; part < starts.length; part++) {
                boolean last = part == starts.length - 1;
                if (last || ends[part] - starts[firstPart] >= BLOCK) {
                    int from = starts[firstPart];
                    int to = last ? raw.length : ends[part];
                    cut.add(new Block(firstPart, part + 1, from, to,
                            GzipMembers.deflate(raw, from, to - from, Deflater.BEST_COMPRESSION),
                            GzipMembers.crc(raw, from, to - from)));
                    firstPart = part + 1;
                }
            }
            if (starts.length == 0) {
                cut.add(new Block(0, 0, 0, raw.length, GzipMembers.deflate(raw, 0, raw.length, Deflater.BEST_COMPRESSION),
                        GzipMembers.crc(raw, 0, raw.length)));
            }
            return cut.toArray(Block[]::new);
        }
    }

    /** Parts {@code [firstPart, endPart)}, bytes {@code [from, to)} of a {@link Base}, kept compressed. */
    private record Block(int firstPart, int endPart, int from, int to, byte[] deflated, int crc) {
    }

    /** About the deflate window: blocks compressed apart lose little against the page compressed whole. */
    static final int BLOCK = 32 * 1024;

    /** Who sees nothing of their own: no username has a NUL in it. */
    private static Reader common(Reader like) {
        return new Reader("\0", null, Set.of(), like.counts(), "", "", like.editMinutes(), false, Set.of(), null);
    }

    private Base base(Reader reader) {
        Base current = base;
        if (current != null && current.counts == reader.counts()) {
            return current;
        }
        Reader common = common(reader);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + commentIds.size() * 300);
        StringBuilder scratch = new StringBuilder(512);
        int[] starts = new int[flat.length];
        int[] ends = new int[flat.length];
        Instant now = Instant.now();
        for (int i = 0; i < flat.length; i++) {
            starts[i] = out.size();
            writePart(flat[i], common, now, out, scratch);
            ends[i] = out.size();
        }
        byte[] html = out.toByteArray();
        ByteBuffer direct = ByteBuffer.allocateDirect(html.length).put(html).flip();
        current = new Base(reader.counts(), Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)), starts, ends);
        base = current;
        return current;
    }

    /**
     * This reader's page as buffers to send as they are: slices of the kept {@link Base} around the parts that
     * differ for them. Only for a reader who may take part and is not a moderator ({@link #composable}).
     */
    ByteBuf compose(Reader reader) {
        Base page = base(reader);
        BitSet differing = index.differing(reader);
        List<ByteBuf> pieces = new ArrayList<>(differing.cardinality() * 2 + 1);
        ByteArrayOutputStream own = new ByteArrayOutputStream(256);
        StringBuilder scratch = new StringBuilder(512);
        Instant now = Instant.now();
        int from = 0;
        for (int i = differing.nextSetBit(0); i >= 0; i = differing.nextSetBit(i + 1)) {
            if (page.starts[i] > from) {
                flush(own, pieces);
                pieces.add(page.bytes.slice(from, page.starts[i] - from));
            }
            writePart(flat[i], reader, now, own, scratch);
            from = page.ends[i];
        }
        flush(own, pieces);
        if (page.bytes.capacity() > from) {
            pieces.add(page.bytes.slice(from, page.bytes.capacity() - from));
        }
        return Unpooled.wrappedUnmodifiableBuffer(pieces.toArray(ByteBuf[]::new));
    }

    /**
     * This reader's page gzipped: the kept compressed blocks where nothing of theirs is, the others compressed now
     * (fastest level), one gzip stream whose CRC is combined from the blocks'.
     */
    ByteBuf composeGzipped(Reader reader) {
        Base page = base(reader);
        BitSet differing = index.differing(reader);
        List<ByteBuf> pieces = new ArrayList<>();
        pieces.add(Unpooled.wrappedBuffer(GzipMembers.HEADER));
        ByteArrayOutputStream raw = new ByteArrayOutputStream(BLOCK + 4096);
        StringBuilder scratch = new StringBuilder(512);
        Instant now = Instant.now();
        int crc = 0;
        long length = 0;
        for (Block block : page.blocks()) {
            int mine = differing.nextSetBit(block.firstPart());
            if (mine < 0 || mine >= block.endPart()) {
                pieces.add(Unpooled.wrappedBuffer(block.deflated()));
                crc = GzipMembers.combine(crc, block.crc(), block.to() - block.from());
                length += block.to() - block.from();
                continue;
            }
            raw.reset();
            int from = block.from();
            for (int i = mine; i >= 0 && i < block.endPart(); i = differing.nextSetBit(i + 1)) {
                raw.writeBytes(ByteBufUtil.getBytes(page.bytes, from, page.starts[i] - from));
                writePart(flat[i], reader, now, raw, scratch);
                from = page.ends[i];
            }
            raw.writeBytes(ByteBufUtil.getBytes(page.bytes, from, block.to() - from));
            byte[] bytes = raw.toByteArray();
            pieces.add(Unpooled.wrappedBuffer(GzipMembers.deflate(bytes, 0, bytes.length, Deflater.BEST_SPEED)));
            crc = GzipMembers.combine(crc, GzipMembers.crc(bytes, 0, bytes.length), bytes.length);
            length += bytes.length;
        }
        pieces.add(Unpooled.wrappedBuffer(GzipMembers.LAST_BLOCK));
        pieces.add(Unpooled.wrappedBuffer(GzipMembers.trailer(crc, length)));
        return Unpooled.wrappedUnmodifiableBuffer(pieces.toArray(ByteBuf[]::new));
    }

    private static void flush(ByteArrayOutputStream own, List<ByteBuf> pieces) {
        if (own.size() > 0) {
            pieces.add(Unpooled.wrappedBuffer(own.toByteArray()));
            own.reset();
        }
    }

    /** Whether {@link #compose} makes this reader's page: they may take part and see no moderator's actions. */
    static boolean composable(Reader reader) {
        return reader.blockReason() == null && !reader.moderator();
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
        if (composable(reader)) {
            return ByteBufUtil.getBytes(compose(reader));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 8 * 1024 + commentIds.size() * 200);
        Instant now = Instant.now();
        write(parts, reader, now, out, new StringBuilder(512));
        return out.toByteArray();
    }

    private void write(List<Part> list, Reader reader, Instant now, ByteArrayOutputStream out, StringBuilder scratch) {
        for (Part part : list) {
            if (part instanceof Compose compose) {
                if (reader.blockReason() == null) {
                    write(compose.parts(), reader, now, out, scratch);
                } else {
                    out.writeBytes(("<p class=\"warning\" role=\"status\">" + escape(reader.blockReason()) + "</p>")
                            .getBytes(StandardCharsets.UTF_8));
                }
            } else {
                writePart(part, reader, now, out, scratch);
            }
        }
    }

    /** One part as this reader sees it (a comment box's parts are written by {@link #write}). */
    private void writePart(Part part, Reader reader, Instant now, ByteArrayOutputStream out, StringBuilder scratch) {
        {
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
