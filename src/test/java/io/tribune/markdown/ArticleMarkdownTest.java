package io.tribune.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Articles get GFM tables, strikethrough and autolinks, still sanitized; comments keep the smaller subset. */
class ArticleMarkdownTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void tablesRenderAndAScriptInACellIsStillSanitized() {
        String html = markdown.article("""
                | Model | Price |
                |:------|------:|
                | A <script>alert(1)</script> | [x](javascript:alert(2)) |
                | B | <img src=x onerror=alert(3)> |
                """);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<th"), html);
        assertTrue(html.contains("Model"), html);
        assertTrue(html.contains("<td"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("onerror="), html);
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void strikethroughAndBareUrlsWork() {
        String html = markdown.article("It was ~~free~~ paid. See https://example.com/report for details.");
        assertTrue(html.contains("<del>free</del>"), html);
        assertTrue(html.contains("<a href=\"https://example.com/report\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener ugc\""), html);
    }

    @Test
    void commentsDoNotGetTables() {
        String html = markdown.comment("""
                | a | b |
                |---|---|
                | 1 | 2 |
                """);
        assertFalse(html.contains("<table"), html);
    }
}
