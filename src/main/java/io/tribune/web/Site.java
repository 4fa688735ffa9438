package io.tribune.web;

import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;
import io.tribune.article.Section;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the layout shows on every page: {@code {inject:site.sections}}, {@code {inject:site.username}}. */
@Named("site")
@RequestScoped
public class Site {

    /** The sections of the last page that could read them, shown while the database is unreachable. */
    private static volatile List<SectionLink> lastKnownSections = List.of();

    @Inject
    SecurityIdentity identity;

    @Inject
    DatabaseGate databaseGate;

    private List<SectionLink> sections;

    /** A section in the navigation; a plain value, so the last known list can be shown on any thread. */
    public record SectionLink(String slug, String name) {
        static SectionLink of(Section s) {
            return new SectionLink(s.slug, s.name);
        }
    }

    public String name() {
        return "Tribune";
    }

    public List<SectionLink> sections() {
        if (sections == null) {
            if (!databaseGate.isOpen()) { // the 503 page needs no database
                sections = lastKnownSections;
                return sections;
            }
            try {
                sections = Section.listInOrder().stream().map(SectionLink::of).toList();
                lastKnownSections = sections;
            } catch (RuntimeException e) { // an error page must render even when the database is down
                databaseGate.failed(e);
                sections = lastKnownSections;
            }
        }
        return sections;
    }

    /** This request's database work failed: render the page (an error page) without reading the database again. */
    public void withoutDatabase() {
        if (sections == null) {
            sections = lastKnownSections;
        }
    }

    public boolean loggedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public boolean moderator() {
        return loggedIn() && (identity.hasRole("moderator") || identity.hasRole("admin"));
    }

    public boolean editor() {
        return loggedIn() && (identity.hasRole("editor") || identity.hasRole("admin"));
    }

    public boolean admin() {
        return loggedIn() && identity.hasRole("admin");
    }

    public String username() {
        return loggedIn() ? identity.getPrincipal().getName() : null;
    }
}
