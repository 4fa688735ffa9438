package io.tribune.editorial;

import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Serves uploaded pictures. A picture never changes under its id, so browsers and proxies may keep it a year. */
@Path("/images")
public class ImagePages {

    private static final String CACHE = "public, max-age=" + Duration.ofDays(365).toSeconds() + ", immutable";

    private final ImageService images;

    ImagePages(ImageService images) {
        this.images = images;
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public Response image(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Image image = images.find(id).orElseThrow(NotFoundException::new);
        String etag = "\"" + image.sha256 + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE)
                    .build();
        }
        return Response.ok(image.data, image.contentType).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }
}
