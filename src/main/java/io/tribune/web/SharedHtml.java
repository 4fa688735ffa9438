package io.tribune.web;

import java.util.function.Supplier;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers an HTML page kept in {@link PublicPages}: a visitor gets the kept bytes with their entity tag (304 when
 * they hold it); a logged-in commenter gets the same page with their own account links spliced in, when it is kept
 * (their links kept too, {@link KeptNavs});
 * anyone else logged in (unverified, sanctioned: their pages carry a banner) gets the page rendered for them, which
 * is never kept.
 */
@RequestScoped
public class SharedHtml {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final String NAV = "tags/accountNav";

    private final Engine engine;
    private final SecurityIdentity identity;
    private final HttpCaching caching;
    private final KeptNavs navs;
    private final FormToken formToken;

    SharedHtml(Engine engine, SecurityIdentity identity, HttpCaching caching, KeptNavs navs, FormToken formToken) {
        this.navs = navs;
        this.formToken = formToken;
        this.engine = engine;
        this.identity = identity;
        this.caching = caching;
    }

    public Response answer(PublicPages pages, String key, String ifNoneMatch, Supplier<TemplateInstance> page) {
        if (!identity.isAnonymous()) {
            // the kept page shows times in the site's zone: a reader who chose their own gets a page of their own
            boolean siteZone = identity.getAttribute(TimeExtensions.ZONE_ATTRIBUTE) == null;
            PublicPages.Page kept = identity.hasRole("commenter") && siteZone ? pages.getIfPresent(key) : null;
            Long userId = identity.getAttribute("userId");
            byte[] theirs = kept == null || userId == null ? null
                    : kept.withNav(navs.get(userId, formToken.value(), this::nav));
            return Response.ok(theirs != null ? theirs : page.get(), HTML_UTF8).build();
        }
        PublicPages.Page rendered = pages.get(key, () -> PublicPages.Page.of(page.get().render(), nav()));
        return caching.publicPage(rendered.bytes(), rendered.etag(), ifNoneMatch);
    }

    /** The header's account links as this request's reader gets them (a visitor: "Sign up / Log in"). */
    private String nav() {
        return engine.getTemplate(NAV).render().strip();
    }
}
