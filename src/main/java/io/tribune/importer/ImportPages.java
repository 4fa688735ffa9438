package io.tribune.importer;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /admin/import}: an admin uploads a WordPress or Disqus export (up to 200 MB: the only route allowed a
 * body over 10 MB, see {@link io.tribune.web.MultipartBoundaryGuard}); Vert.x streams it to a temporary file, which
 * the same {@link Importer} as the command line reads, and the page shows the report.
 */
@Path("/admin/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class ImportPages {

    public static final String PATH = "/admin/import";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String kind, String error, ImportReport report);
    }

    private final Importer importer;

    ImportPages(Importer importer) {
        this.importer = importer;
    }

    @GET
    public TemplateInstance page() {
        return Templates.page("wordpress", null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm String kind, @RestForm("file") FileUpload file, @RestForm String dryRun) {
        var chosen = ImportKind.of(kind);
        String shown = chosen.map(ImportKind::key).orElse("wordpress");
        if (chosen.isEmpty()) {
            return refuse(shown, "Choose what the file is: a WordPress export or a Disqus export.");
        }
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return refuse(shown, "Choose the export file to upload.");
        }
        try {
            ImportReport report = importer.run(chosen.get(), file.uploadedFile(), dryRun != null && !dryRun.isBlank(),
                    Importer.Progress.NONE);
            return Response.ok(Templates.page(shown, null, report)).build();
        } catch (ImportFailure e) {
            return refuse(shown, e.getMessage());
        }
    }

    private static Response refuse(String kind, String error) {
        return Response.status(422).entity(Templates.page(kind, error, null)).build();
    }
}
