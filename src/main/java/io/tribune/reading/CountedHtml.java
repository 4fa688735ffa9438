package io.tribune.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page rendered with its vote counts left as markers ({@code <!--votes:ID-->}, from the thread rendered for
 * {@code Viewer.COUNT_SLOTS}), cut once at those markers so that the page with any set of counts is a concatenation:
 * a vote fills the counts in again instead of rendering the page.
 */
final class CountedHtml {

    private static final Pattern MARKER = Pattern.compile("<!--votes:(\\d+)-->");

    private final String[] texts;
    private final long[] ids;
    private final int length;

    private CountedHtml(String[] texts, long[] ids) {
        this.texts = texts;
        this.ids = ids;
        int total = 0;
        for (String text : texts) {
            total += text.length();
        }
        this.length = total;
    }

    static CountedHtml cut(String html) {
        List<String> texts = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Matcher marker = MARKER.matcher(html);
        int from = 0;
        while (marker.find()) {
            texts.add(html.substring(from, marker.start()));
            ids.add(Long.parseLong(marker.group(1)));
            from = marker.end();
        }
        texts.add(html.substring(from));
        return new CountedHtml(texts.toArray(String[]::new), ids.stream().mapToLong(Long::longValue).toArray());
    }

    /** The ids of the comments whose counts are shown. */
    List<Long> ids() {
        List<Long> list = new ArrayList<>(ids.length);
        for (long id : ids) {
            list.add(id);
        }
        return list;
    }

    /** The page with these counts (a comment missing from them, deleted meanwhile, shows 0). */
    String fill(Map<Long, Integer> counts) {
        StringBuilder html = new StringBuilder(length + ids.length * 4);
        for (int i = 0; i < ids.length; i++) {
            html.append(texts[i]).append(counts.getOrDefault(ids[i], 0));
        }
        return html.append(texts[ids.length]).toString();
    }

    int length() {
        return length;
    }
}
