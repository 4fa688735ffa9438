package io.tribune.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.editorial.EditorialFixtures;
import io.tribune.editorial.EditorialService;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class FeedsTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    EditorialFixtures editorialFixtures;
    @Inject
    EditorialService editorial;
    @Inject
    Fixtures fixtures;

    @Test
    void siteFeedIsValidAtomWithAbsoluteLinksAndLeavesOutUnpublished() throws Exception {
        User editor = editorialFixtures.user("feed-editor", "commenter,editor");
        Article a = editorialFixtures.published(editor, "security", "Feed <headline> & \"quotes\"",
                "Standfirst with <b>markup</b> & ampersand", "Body with ![pic](/images/1) and **bold**\u0007.");
        Article gone = editorialFixtures.published(editor, "security", "Feed article to unpublish", "s", "b");
        editorial.unpublish(gone.id);

        Document doc = atom("/feeds/articles.atom");
        Element feed = doc.getDocumentElement();
        assertEquals("feed", feed.getLocalName());
        assertEquals(ATOM, feed.getNamespaceURI());
        List<String> titles = texts(doc, "entry", "title");
        assertTrue(titles.contains("Feed <headline> & \"quotes\""), titles.toString());
        assertFalse(titles.contains("Feed article to unpublish"));
        Element entry = entryTitled(doc, "Feed <headline> & \"quotes\"");
        Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
        assertEquals("http://localhost:8080/articles/" + a.slug, link.getAttribute("href"));
        assertEquals("Display feed-editor", entry.getElementsByTagNameNS(ATOM, "name").item(0).getTextContent());
        String content = entry.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent();
        assertTrue(content.contains("<strong>bold</strong>"), content);
        for (String href : attributes(doc, "link", "href")) {
            assertTrue(href.startsWith("http://localhost:8080/"), href);
        }
    }

    @Test
    void siteFeedHasExactlyTheThirtyNewestArticlesNewestFirst() throws Exception {
        User editor = editorialFixtures.user("feed-editor", "commenter,editor");
        String run = Fixtures.unique("feed-run");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            newestFirst.add(0, editorialFixtures.published(editor, "security", run + " entry " + i, "s", "b").headline);
        }
        Document doc = atom("/feeds/articles.atom");
        List<String> titles = texts(doc, "entry", "title");
        assertEquals(newestFirst.subList(0, 30), titles, "the 30 newest, newest first; the 31st newest is left out");
        List<Instant> published = texts(doc, "entry", "published").stream().map(Instant::parse).toList();
        assertEquals(30, published.size());
        for (int i = 1; i < published.size(); i++) {
            assertFalse(published.get(i).isAfter(published.get(i - 1)), "entry " + i + " is newer than the one before");
        }
    }

    @Test
    void sectionFeedHasOnlyThatSection() throws Exception {
        User editor = editorialFixtures.user("feed-editor", "commenter,editor");
        editorialFixtures.published(editor, "hardware", "Hardware feed entry", "s", "b");
        editorialFixtures.published(editor, "privacy", "Privacy feed entry", "s", "b");
        Document doc = atom("/feeds/sections/hardware.atom");
        List<String> titles = texts(doc, "entry", "title");
        assertTrue(titles.contains("Hardware feed entry"));
        assertFalse(titles.contains("Privacy feed entry"));
        for (String term : attributes(doc, "category", "term")) {
            assertEquals("hardware", term);
        }
        given().get("/feeds/sections/no-such-section.atom").then().statusCode(404);
    }

    @Test
    void commentFeedHasTheLatestVisibleComments() throws Exception {
        Article a = fixtures.article("Commented feed article");
        User alice = fixtures.user(Fixtures.unique("alice"));
        fixtures.comment(a, null, alice, "A visible <comment> & more");
        fixtures.comment(a, null, alice, "A removed comment", io.tribune.comment.CommentStatus.REMOVED);
        Document doc = atom("/feeds/articles/" + a.slug + "/comments.atom");
        String all = doc.getDocumentElement().getTextContent();
        assertTrue(all.contains("A visible &lt;comment&gt; &amp; more"), all);
        assertFalse(all.contains("A removed comment"));
        given().get("/feeds/articles/no-such-article/comments.atom").then().statusCode(404);
    }

    @Test
    void pagesLinkTheirFeedsInTheHead() {
        given().get("/").then().body(containsString(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Tribune: latest articles\" href=\"http://localhost:8080/feeds/articles.atom\">"));
        given().get("/sections/privacy").then().body(containsString("href=\"http://localhost:8080/feeds/sections/privacy.atom\""));
        given().get("/articles/linkedin-trains-ai-on-members-data-by-default").then()
                .body(containsString("href=\"http://localhost:8080/feeds/articles/linkedin-trains-ai-on-members-data-by-default/comments.atom\""))
                .body(containsString("<link rel=\"canonical\" href=\"http://localhost:8080/articles/linkedin-trains-ai-on-members-data-by-default\">"))
                .body(containsString("<meta property=\"og:title\" content=\"LinkedIn"))
                .body(containsString("<meta name=\"twitter:card\""))
                .body(containsString("<meta name=\"description\" content=\""));
    }

    static Document atom(String path) throws Exception {
        byte[] xml = given().get(path).then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asByteArray();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> texts(Document doc, String parent, String child) {
        List<String> out = new ArrayList<>();
        NodeList entries = doc.getElementsByTagNameNS(ATOM, parent);
        for (int i = 0; i < entries.getLength(); i++) {
            out.add(((Element) entries.item(i)).getElementsByTagNameNS(ATOM, child).item(0).getTextContent());
        }
        return out;
    }

    static List<String> attributes(Document doc, String element, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(ATOM, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return out;
    }

    static Element entryTitled(Document doc, String title) {
        NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (e.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent().equals(title)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + title);
    }
}
