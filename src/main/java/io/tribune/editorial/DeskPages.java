package io.tribune.editorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.CurrentUser;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleService;
import io.tribune.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The editorial desk: list, write, preview, publish, update, unpublish and restore articles. */
@Path("/admin/articles")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ "editor", "admin" })
public class DeskPages {

    private static final Map<String, String> NOTICES = Map.of(
            "created", "Draft saved.", "saved", "Saved. The previous version is kept in the history.",
            "published", "Published.", "scheduled", "Scheduled.", "unpublished",
            "Unpublished: the public page is gone and the article left the feeds. Comments are kept.",
            "updated", "Update note added.", "restored", "Revision restored.", "hero", "Picture uploaded.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(DeskList list, List<io.tribune.article.Section> sections);

        static native TemplateInstance edit(EditView view);
    }

    private final EditorialService editorial;
    private final DeskQueries queries;
    private final ArticleService articles;
    private final ImageService images;
    private final ArticlePreview preview;
    private final CurrentUser currentUser;

    DeskPages(EditorialService editorial, DeskQueries queries, ArticleService articles, ImageService images,
            ArticlePreview preview, CurrentUser currentUser) {
        this.editorial = editorial;
        this.queries = queries;
        this.articles = articles;
        this.images = images;
        this.preview = preview;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("section") String section,
            @QueryParam("q") String q, @QueryParam("page") String page) {
        return Templates.list(queries.list(status, section, q, Paging.page(page)), articles.sections());
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        Long authorId = editorial.authorFor(editor()).id;
        return Templates.edit(view(null, ArticleForm.blank(authorId), Map.of(), null, null));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String headline, @RestForm String slug, @RestForm String sectionId,
            @RestForm String authorId, @RestForm String standfirst, @RestForm String body,
            @RestForm String heroAlt, @RestForm String heroCaption, @RestForm String heroCredit,
            @RestForm String commentsOpen, @RestForm String action) {
        ArticleForm form = form(headline, slug, sectionId, authorId, standfirst, body, heroAlt, heroCaption,
                heroCredit, commentsOpen);
        if ("preview".equals(action)) {
            return Response.ok(Templates.edit(view(null, form, Map.of(), preview.of(null, form, editor()), null))).build();
        }
        try {
            Article a = editorial.create(form, editor());
            return done(a.id, "created");
        } catch (InvalidForm e) {
            return Response.status(400).entity(Templates.edit(view(null, form, e.errors(), null, null))).build();
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("done") String done) {
        Article a = editorial.article(id);
        return Templates.edit(view(a, ArticleForm.of(a), Map.of(), null, done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String headline, @RestForm String slug,
            @RestForm String sectionId, @RestForm String authorId, @RestForm String standfirst,
            @RestForm String body, @RestForm String heroAlt, @RestForm String heroCaption,
            @RestForm String heroCredit, @RestForm String commentsOpen, @RestForm String action) {
        ArticleForm form = form(headline, slug, sectionId, authorId, standfirst, body, heroAlt, heroCaption,
                heroCredit, commentsOpen);
        if ("preview".equals(action)) {
            Article saved = editorial.article(id);
            return Response.ok(Templates.edit(view(saved, form, Map.of(), preview.of(saved, form, editor()), null)))
                    .build();
        }
        try {
            editorial.update(id, form, editor());
            return done(id, "saved");
        } catch (InvalidForm e) {
            return refused(id, form, e);
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, @RestForm String action, @RestForm String publishAt) {
        try {
            if ("schedule".equals(action)) {
                editorial.schedule(id, parseUtc(publishAt));
                return done(id, "scheduled");
            }
            editorial.publishNow(id);
            return done(id, "published");
        } catch (InvalidForm e) {
            Article a = editorial.article(id);
            EditView v = view(a, ArticleForm.of(a), e.errors(), null, null);
            return Response.status(400).entity(Templates.edit(withPublishAt(v, publishAt))).build();
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/unpublish")
    public Response unpublish(@PathParam("id") long id) {
        editorial.unpublish(id);
        return done(id, "unpublished");
    }

    @POST
    @Path("{id: [0-9]{1,18}}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addUpdate(@PathParam("id") long id, @RestForm String update) {
        try {
            editorial.addUpdate(id, update);
            return done(id, "updated");
        } catch (InvalidForm e) {
            Article a = editorial.article(id);
            EditView v = view(a, ArticleForm.of(a), e.errors(), null, null);
            return Response.status(400).entity(Templates.edit(new EditView(v.article(), v.form(), v.errors(),
                    null, v.sections(), v.authors(), v.revisions(), null, null, update))).build();
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/revisions/{revision: [0-9]{1,18}}/restore")
    public Response restore(@PathParam("id") long id, @PathParam("revision") long revision) {
        editorial.restore(id, revision, editor());
        return done(id, "restored");
    }

    @POST
    @Path("{id: [0-9]{1,18}}/hero")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response hero(@PathParam("id") long id, @RestForm("hero") FileUpload hero) {
        editorial.article(id); // a missing article is a 404 before anything is stored
        try {
            byte[] data = hero == null || hero.uploadedFile() == null ? null : Files.readAllBytes(hero.uploadedFile());
            Image image = images.store(data, editor());
            editorial.setHero(id, image, editor());
            return done(id, "hero");
        } catch (InvalidForm e) {
            Article a = editorial.article(id);
            return Response.status(400).entity(Templates.edit(view(a, ArticleForm.of(a), e.errors(), null, null)))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response refused(long id, ArticleForm form, InvalidForm e) {
        return Response.status(400).entity(Templates.edit(view(editorial.article(id), form, e.errors(), null, null)))
                .build();
    }

    private static Response done(long id, String what) {
        return Response.seeOther(URI.create("/admin/articles/" + id + "?done=" + what)).build();
    }

    private EditView view(Article a, ArticleForm form, Map<String, String> errors, Article preview, String notice) {
        return new EditView(a, form, errors, preview, articles.sections(), queries.authors(),
                a == null ? List.of() : editorial.history(a.id), notice, null, null);
    }

    private static EditView withPublishAt(EditView v, String publishAt) {
        return new EditView(v.article(), v.form(), v.errors(), v.preview(), v.sections(), v.authors(),
                v.revisions(), v.notice(), publishAt, null);
    }

    private User editor() {
        return currentUser.get().orElseThrow(() -> new ForbiddenException("Your account was not found."));
    }

    static ArticleForm form(String headline, String slug, String sectionId, String authorId, String standfirst,
            String body, String heroAlt, String heroCaption, String heroCredit, String commentsOpen) {
        return new ArticleForm(trim(headline), trim(slug), id(sectionId), id(authorId), trim(standfirst),
                body == null ? "" : body, trim(heroAlt), trim(heroCaption), trim(heroCredit),
                commentsOpen != null && !"closed".equals(commentsOpen), "open".equals(commentsOpen));
    }

    /** A {@code datetime-local} value, read as UTC like every time the site shows. */
    static Instant parseUtc(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidForm("publishAt", "Choose a publication time (UTC).");
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidForm("publishAt", "Give the time as YYYY-MM-DDTHH:MM (UTC).");
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static Long id(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
