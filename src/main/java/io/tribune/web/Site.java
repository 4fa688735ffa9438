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

    @Inject
    SecurityIdentity identity;

    private List<Section> sections;

    public String name() {
        return "Tribune";
    }

    public List<Section> sections() {
        if (sections == null) {
            try {
                sections = Section.listInOrder();
            } catch (RuntimeException e) { // an error page must render even when the database is down
                sections = List.of();
            }
        }
        return sections;
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
