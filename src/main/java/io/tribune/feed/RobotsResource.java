package io.tribune.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /robots.txt}: crawl everything public, not the desk, settings or the API. */
@Path("/robots.txt")
public class RobotsResource {

    private final Links links;

    RobotsResource(Links links) {
        this.links = links;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String robots() {
        return """
                User-agent: *
                Allow: /
                Disallow: /admin
                Disallow: /settings
                Disallow: /api/

                Sitemap: %s
                """.formatted(links.absolute("/sitemap.xml"));
    }
}
