package io.tribune.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.article.Article;
import io.tribune.editorial.EditorialFixtures;
import io.tribune.editorial.EditorialService;
import jakarta.inject.Inject;

@QuarkusTest
class SitemapRobotsTest {

    @Inject
    EditorialFixtures fixtures;
    @Inject
    EditorialService editorial;

    @Test
    void sitemapListsPublishedArticlesAndSections() throws Exception {
        var editor = fixtures.user("sitemap-editor", "commenter,editor");
        Article draft = editorial.create(new io.tribune.editorial.ArticleForm("Sitemap draft", "", fixtures.sectionId("news"),
                null, "s", "b", "", "", "", true), editor);
        byte[] xml = given().get("/sitemap.xml").then().statusCode(200).contentType(startsWith("application/xml"))
                .extract().asByteArray();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList locs = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertTrue(urls.contains("http://localhost:8080/"));
        assertTrue(urls.contains("http://localhost:8080/sections/privacy"));
        assertTrue(urls.contains("http://localhost:8080/articles/linkedin-trains-ai-on-members-data-by-default"));
        assertFalse(urls.contains("http://localhost:8080/articles/" + draft.slug));
    }

    @Test
    void robotsKeepsCrawlersOutOfPrivatePlacesAndPointsAtTheSitemap() {
        given().get("/robots.txt").then().statusCode(200).contentType(startsWith("text/plain"))
                .body(containsString("User-agent: *"))
                .body(containsString("Disallow: /admin"))
                .body(containsString("Disallow: /settings"))
                .body(containsString("Disallow: /api/"))
                .body(containsString("Sitemap: http://localhost:8080/sitemap.xml"));
    }
}
