package io.tribune.search;

/** Turns a ts_headline result into safe HTML: escape everything, then put {@code <mark>} at the markers. */
final class Snippets {

    private Snippets() {
    }

    static String toHtml(String snippet) {
        if (snippet == null) {
            return "";
        }
        String text = snippet
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // Markdown links and images: keep the text
                .replaceAll("(\\*\\*|__|`|^#+ |\\n#+ )", "")
                .replaceAll("\\s+", " ").strip();
        StringBuilder html = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\uE000' -> html.append("<mark>");
                case '\uE001' -> html.append("</mark>");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
