package io.tribune.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.tribune.article.ArticleService;
import io.tribune.article.Section;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.HttpCaching;
import io.tribune.web.PublicPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code /sitemap.xml}: the home page, the sections and every published article; kept until an article or a section
 * changes ({@link PublicPages}), with an entity tag.
 */
@Path("/sitemap.xml")
public class SitemapResource {

    private static final String XML = "application/xml";

    private final ArticleService articles;
    private final Links links;
    private final HttpCaching caching;
    private final PublicPages kept;

    SitemapResource(ArticleService articles, Links links, HttpCaching caching, DatabaseChanges changes,
            TribuneConfig config) {
        this.articles = articles;
        this.links = links;
        this.caching = caching;
        this.kept = new PublicPages(changes, config, 1, null, "articles");
    }

    @GET
    @Produces(XML)
    public Response sitemap(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PublicPages.Page page = kept.get("sitemap", () -> {
            try {
                return PublicPages.Page.of(render().getBytes(StandardCharsets.UTF_8));
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Could not write the sitemap", e);
            }
        });
        return caching.publicPage(page.bytes(), page.etag(), ifNoneMatch, XML);
    }

    private String render() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
        url(xml, links.absolute("/"), null);
        for (Section s : articles.sections()) {
            url(xml, links.absolute("/sections/" + s.slug), null);
        }
        for (Object[] row : articles.publishedSlugs()) {
            url(xml, links.absolute("/articles/" + row[0]), (Instant) row[1]);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void url(XMLStreamWriter xml, String loc, Instant lastmod) throws XMLStreamException {
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(loc);
        xml.writeEndElement();
        if (lastmod != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(AtomWriter.iso(lastmod));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
