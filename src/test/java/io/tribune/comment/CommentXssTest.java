package io.tribune.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** 200 published XSS payloads posted as comments come out inert on the article page. */
@QuarkusTest
class CommentXssTest {

    private static final Pattern BODY = Pattern.compile("<div class=\"comment-body\">(.*?)</div>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final List<String> ALLOWED = List.of("p", "em", "strong", "a", "blockquote", "ul", "ol", "li", "code",
            "pre", "br", "hr", "b", "i", "u", "s", "strike", "sub", "sup", "h1", "h2", "h3", "h4", "h5", "h6", "tt",
            "small", "big", "font");

    @Inject
    Fixtures fixtures;

    @Inject
    CommentService comments;

    @Test
    void everyPayloadIsRenderedInert() throws IOException {
        List<String> payloads = payloads();
        assertEquals(200, payloads.size());
        Article article = fixtures.article("XSS gallery");
        for (String payload : payloads) {
            User author = fixtures.user(Fixtures.unique("xss"));
            comments.post(author.id, article.id, null, payload);
        }
        int bodies = 0;
        for (int page = 1; page <= 4; page++) {
            String html = given().get("/articles/" + article.slug + "?page=" + page).then().statusCode(200)
                    .extract().asString();
            Matcher body = BODY.matcher(html);
            while (body.find()) {
                bodies++;
                assertInert(body.group(1));
            }
        }
        assertEquals(200, bodies);
    }

    private static void assertInert(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String attributes = tag.group(2).toLowerCase(Locale.ROOT);
            assertTrue(ALLOWED.contains(name), "unexpected element <" + name + "> in " + html);
            assertFalse(attributes.matches("(?s).*\\son[a-z]+\\s*=.*"), "event handler in " + html);
            assertFalse(attributes.contains("style"), "style attribute in " + html);
            if (name.equals("a")) {
                Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(attributes);
                if (href.find()) {
                    // what the browser sees after decoding the attribute once
                    String url = href.group(1).replace("&amp;", "&").replace("&#61;", "=").replace("&#43;", "+")
                            .strip();
                    boolean hasScheme = url.matches("(?s)^[a-z][a-z0-9+.-]*:.*");
                    assertTrue(!hasScheme || url.startsWith("http://") || url.startsWith("https://")
                            || url.startsWith("mailto:"), "unsafe link " + url + " in " + html);
                    assertTrue(attributes.contains("nofollow") && attributes.contains("ugc")
                            && attributes.contains("noopener"), "rel on links in " + html);
                }
            }
        }
    }

    private static List<String> payloads() throws IOException {
        try (InputStream in = CommentXssTest.class.getResourceAsStream("/xss/payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
