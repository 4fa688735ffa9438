package io.tribune.editorial;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.article.Section;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sections, for administrators: create and rename. */
@Path("/admin/sections")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class SectionAdminPages {

    private static final Map<String, String> NOTICES = Map.of("created", "Section created.", "renamed",
            "Section renamed.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sections(List<Section> sections, Map<String, String> errors, String name,
                String slug, String notice);
    }

    private final SectionService service;

    SectionAdminPages(SectionService service) {
        this.service = service;
    }

    @GET
    public TemplateInstance sections(@QueryParam("done") String done) {
        return Templates.sections(Section.listInOrder(), Map.of(), "", "", done == null ? null : NOTICES.get(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String slug) {
        try {
            service.create(name, slug);
            return Response.seeOther(URI.create("/admin/sections?done=created")).build();
        } catch (InvalidForm e) {
            return Response.status(400).entity(Templates.sections(Section.listInOrder(), e.errors(),
                    name == null ? "" : name, slug == null ? "" : slug, null)).build();
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, @RestForm String name) {
        try {
            service.rename(id, name);
            return Response.seeOther(URI.create("/admin/sections?done=renamed")).build();
        } catch (InvalidForm e) {
            return Response.status(400).entity(Templates.sections(Section.listInOrder(), e.errors(), "", "", null))
                    .build();
        }
    }
}
