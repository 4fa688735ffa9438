package io.tribune.editorial;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = "sections-admin", roles = { "admin" })
class SectionAdminTest {

    @Inject
    EditorialFixtures fixtures;

    @Test
    void adminCreatesAndRenamesASection() {
        fixtures.user("sections-admin", "commenter,admin");
        DeskForms admin = DeskForms.open("/admin/sections");
        String slug = Fixtures.uniqueSlug("space");
        admin.form().formParam("name", "Space").formParam("slug", slug).post("/admin/sections").then().statusCode(303);
        admin.page().get("/sections/" + slug).then().statusCode(200).body(containsString("<h1 class=\"page-title\">Space</h1>"));
        admin.form().formParam("name", "Space").formParam("slug", slug).post("/admin/sections").then().statusCode(400)
                .body(containsString("exists already"));
        admin.form().formParam("name", " ").post("/admin/sections").then().statusCode(400)
                .body(containsString("Give the section a name."));

        long id = fixtures.sectionId(slug);
        admin.form().formParam("name", "Space & Rockets").post("/admin/sections/" + id).then().statusCode(303);
        admin.page().get("/sections/" + slug).then().statusCode(200).body(containsString("Space &amp; Rockets"));
    }

    /** Slugs for sections must be short and lower-case. */
    static final class Fixtures {
        static String uniqueSlug(String prefix) {
            return io.tribune.testsupport.Fixtures.unique(prefix).toLowerCase();
        }
    }
}
