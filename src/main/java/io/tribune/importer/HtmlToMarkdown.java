package io.tribune.importer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.owasp.html.HtmlSanitizer;

/**
 * The HTML of an exported post or comment as Markdown, so that imported text is stored, edited and rendered like
 * any other: the Markdown then goes through {@link io.tribune.markdown.MarkdownRenderer}, which escapes raw HTML
 * and sanitizes the result exactly as for text typed here. Unknown elements keep their text; script, style and
 * embedded content are dropped. Text is escaped so that nothing in it becomes Markdown by accident. Newlines in
 * text outside {@code pre} mean what WordPress makes of them: a blank line a paragraph, a single one a line break.
 */
final class HtmlToMarkdown {

    private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "embed", "noscript",
            "template", "svg", "math", "head", "title", "form", "select", "textarea", "button");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "figure", "figcaption", "table",
            "tr", "thead", "tbody", "dl", "dt", "dd", "header", "footer", "aside", "center", "address");
    private static final Pattern LINE_START_SPECIAL = Pattern.compile("(?m)^(\\s*)([#>+\\-=])");
    private static final Pattern LINE_START_NUMBER = Pattern.compile("(?m)^(\\s*\\d+)([.)])");

    private HtmlToMarkdown() {
    }

    /** {@code images}: keep pictures (articles) or only their alternative text (comments). */
    static String convert(String html, boolean images) {
        Writer writer = new Writer(images);
        HtmlSanitizer.sanitize(html == null ? "" : html, writer);
        return writer.result();
    }

    /** The text alone, whitespace collapsed (a standfirst from an excerpt). */
    static String text(String html) {
        Writer writer = new Writer(false);
        writer.plain = true;
        HtmlSanitizer.sanitize(html == null ? "" : html, writer);
        return writer.result().replaceAll("\\s+", " ").strip();
    }

    private static final class Frame {
        final String element;
        final StringBuilder out = new StringBuilder();
        final String href;
        int listNumber;

        Frame(String element, String href) {
            this.element = element;
            this.href = href;
        }
    }

    private static final class Writer implements HtmlSanitizer.Policy {
        private final boolean images;
        private final Deque<Frame> frames = new ArrayDeque<>();
        private int dropped;
        private int pre;
        private int code;
        boolean plain;

        Writer(boolean images) {
            this.images = images;
            frames.push(new Frame("#root", null));
        }

        String result() {
            while (frames.size() > 1) {
                closeTag(frames.peek().element);
            }
            return frames.peek().out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }

        private StringBuilder out() {
            return frames.peek().out;
        }

        private void block() {
            StringBuilder out = out();
            int length = out.length();
            if (length == 0 || (length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n')) {
                return;
            }
            out.append(out.charAt(length - 1) == '\n' ? "\n" : "\n\n");
        }

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String element, List<String> attributes) {
            String name = element.toLowerCase(Locale.ROOT);
            if (DROPPED.contains(name)) {
                dropped++;
                return;
            }
            if (dropped > 0) {
                return;
            }
            if (plain) {
                out().append(' ');
                return;
            }
            switch (name) {
                case "br" -> out().append(pre > 0 ? "\n" : "\\\n");
                case "hr" -> {
                    block();
                    out().append("* * *");
                    block();
                }
                case "img" -> {
                    String src = attribute(attributes, "src");
                    String alt = escape(attribute(attributes, "alt") == null ? "" : attribute(attributes, "alt"));
                    if (images && safeUrl(src)) {
                        out().append("![").append(alt).append("](").append(url(src)).append(')');
                    } else {
                        out().append(alt);
                    }
                }
                case "strong", "b" -> out().append("**");
                case "em", "i", "cite" -> out().append('*');
                case "s", "strike", "del" -> out().append("~~");
                case "code", "tt", "kbd" -> {
                    if (pre == 0) {
                        code++;
                        frames.push(new Frame(name, null));
                    }
                }
                case "pre" -> {
                    block();
                    pre++;
                    frames.push(new Frame(name, null));
                }
                case "a" -> frames.push(new Frame(name, attribute(attributes, "href")));
                case "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    block();
                    frames.push(new Frame(name, null));
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        block();
                    } else if (name.equals("td") || name.equals("th")) {
                        out().append(' ');
                    }
                }
            }
        }

        @Override
        public void closeTag(String element) {
            String name = element.toLowerCase(Locale.ROOT);
            if (DROPPED.contains(name)) {
                dropped = Math.max(0, dropped - 1);
                return;
            }
            if (dropped > 0 || plain) {
                return;
            }
            switch (name) {
                case "strong", "b" -> out().append("**");
                case "em", "i", "cite" -> out().append('*');
                case "s", "strike", "del" -> out().append("~~");
                case "code", "tt", "kbd", "pre", "a", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6" ->
                    close(name);
                default -> {
                    if (BLOCKS.contains(name)) {
                        block();
                    }
                }
            }
        }

        /** Closes the innermost open frame of this element (and any left open inside it). */
        private void close(String name) {
            if (frames.stream().noneMatch(f -> f.element.equals(name))) {
                return;
            }
            Frame frame;
            do {
                frame = frames.pop();
                finish(frame);
            } while (!frame.element.equals(name));
        }

        private void finish(Frame frame) {
            String inner = frame.out.toString();
            switch (frame.element) {
                case "code", "tt", "kbd" -> {
                    code--;
                    String fence = inner.contains("`") ? "``" : "`";
                    if (!inner.isBlank()) {
                        out().append(fence).append(inner.contains("`") ? " " + inner + " " : inner).append(fence);
                    }
                }
                case "pre" -> {
                    pre--;
                    String fence = inner.contains("```") ? "~~~~" : "```";
                    out().append(fence).append('\n').append(inner.strip()).append('\n').append(fence);
                    block();
                }
                case "a" -> {
                    if (safeUrl(frame.href) && !inner.isBlank()) {
                        out().append('[').append(inner.strip()).append("](").append(url(frame.href)).append(')');
                    } else {
                        out().append(inner);
                    }
                }
                case "blockquote" -> {
                    out().append(prefixLines(inner.strip(), "> ", "> "));
                    block();
                }
                case "ul", "ol" -> {
                    out().append(inner.strip());
                    block();
                }
                case "li" -> {
                    Frame list = frames.peek();
                    String marker = "- ";
                    if (list.element.equals("ol")) {
                        marker = (++list.listNumber) + ". ";
                    }
                    StringBuilder out = out();
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                    out.append(prefixLines(inner.strip().replaceAll("\\n{2,}", "\n"), marker, " ".repeat(marker.length())))
                            .append('\n');
                }
                default -> { // headings
                    int level = Math.max(2, Math.min(4, frame.element.charAt(1) - '0'));
                    out().append("#".repeat(level)).append(' ').append(inner.replace('\n', ' ').strip());
                    block();
                }
            }
        }

        @Override
        public void text(String text) {
            if (dropped > 0) {
                return;
            }
            if (plain) {
                out().append(text);
            } else if (pre > 0 || code > 0) {
                out().append(code > 0 && pre == 0 ? text.replace('\n', ' ') : text);
            } else {
                String escaped = escape(text);
                if (escaped.indexOf('\n') < 0 && escaped.indexOf('\r') < 0) {
                    out().append(escaped);
                    return;
                }
                escaped = escaped.replaceAll("\\r\\n?", "\n").replaceAll("\\n[ \\t]*\\n\\s*", "\u0000")
                        .replaceAll("[ \\t]*\\n[ \\t]*", "\\\\\n").replace("\u0000", "\n\n");
                out().append(escaped);
            }
        }

        private static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (ESCAPED.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
            String s = out.toString();
            if (s.indexOf('#') < 0 && s.indexOf('+') < 0 && s.indexOf('-') < 0 && s.indexOf('=') < 0
                    && s.indexOf('.') < 0 && s.indexOf(')') < 0) {
                return s;
            }
            s = LINE_START_SPECIAL.matcher(s).replaceAll("$1\\\\$2");
            return LINE_START_NUMBER.matcher(s).replaceAll("$1\\\\$2");
        }

        private static final String ESCAPED = "\\`*_[]<>!|~&";

        private static String prefixLines(String text, String first, String rest) {
            StringBuilder out = new StringBuilder();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                out.append(i == 0 ? first : (lines[i].isEmpty() && rest.equals("> ") ? ">" : rest)).append(lines[i]);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
            return out.toString();
        }

        private static String attribute(List<String> attributes, String name) {
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if (attributes.get(i).equalsIgnoreCase(name)) {
                    return attributes.get(i + 1);
                }
            }
            return null;
        }

        private static boolean safeUrl(String url) {
            if (url == null) {
                return false;
            }
            String u = url.strip().toLowerCase(Locale.ROOT);
            return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:");
        }

        private static String url(String url) {
            return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                    .replace(">", "%3E");
        }
    }
}
