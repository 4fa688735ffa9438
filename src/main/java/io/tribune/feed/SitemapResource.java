package io.tribune.feed;

import java.io.StringWriter;
import java.time.Instant;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.tribune.article.ArticleService;
import io.tribune.article.Section;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /sitemap.xml}: the home page, the sections and every published article. */
@Path("/sitemap.xml")
public class SitemapResource {

    private final ArticleService articles;
    private final Links links;

    SitemapResource(ArticleService articles, Links links) {
        this.articles = articles;
        this.links = links;
    }

    @GET
    @Produces("application/xml")
    public Response sitemap() throws XMLStreamException {
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
        return Response.ok(out.toString(), "application/xml").header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .build();
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
