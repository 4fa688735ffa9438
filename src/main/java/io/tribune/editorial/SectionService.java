package io.tribune.editorial;

import java.util.Locale;

import io.tribune.article.Section;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** Creating and renaming sections. A section's slug is its address and does not change on rename. */
@ApplicationScoped
@Transactional
public class SectionService {

    public Section create(String name, String slug) {
        String n = checkName(name);
        String s = slug == null || slug.isBlank() ? Slugs.of(n) : slug.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[a-z0-9-]{1,80}")) {
            throw new InvalidForm("slug", "The slug may contain only lower-case letters, digits and hyphens (at most 80).");
        }
        if (Section.findBySlug(s).isPresent()) {
            throw new InvalidForm("slug", "A section with the slug “" + s + "” exists already.");
        }
        Section section = new Section();
        section.name = n;
        section.slug = s;
        Integer last = Section.find("select max(s.position) from Section s").project(Integer.class).firstResult();
        section.position = last == null ? 0 : last + 1;
        section.persist();
        return section;
    }

    public Section rename(long id, String name) {
        Section section = Section.findById(id);
        if (section == null) {
            throw new NotFoundException();
        }
        section.name = checkName(name);
        return section;
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidForm("name", "Give the section a name.");
        }
        if (n.length() > 120) {
            throw new InvalidForm("name", "A section name can be at most 120 characters.");
        }
        return n;
    }
}
