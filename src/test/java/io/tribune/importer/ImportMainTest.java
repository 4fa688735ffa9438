package io.tribune.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The jar's entry point ({@link io.tribune.Tribune}) dispatches {@code import …} and exits with its status. */
@QuarkusMainTest
class ImportMainTest {

    @Test
    @Launch(value = { "import", "wordpress", "src/test/resources/import/wordpress.xml" }, exitCode = 0)
    void importRunsAndExitsZero(LaunchResult result) {
        assertTrue(result.getOutput().contains("Imported a wordpress export:"), result.getOutput());
        // the test database may hold them already (other tests import the same file): created or found, all three
        java.util.regex.Matcher articles = java.util.regex.Pattern.compile("articles: (\\d+) created, (\\d+) already imported")
                .matcher(result.getOutput());
        assertTrue(articles.find(), result.getOutput());
        org.junit.jupiter.api.Assertions.assertEquals(3, Integer.parseInt(articles.group(1)) + Integer.parseInt(articles.group(2)));
    }

    @Test
    @Launch(value = { "import", "disqus", "src/test/resources/import/xxe.xml" }, exitCode = 1)
    void aRefusedFileExitsNonZero(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("Import failed: Line 2: the file declares a DOCTYPE"), result.getErrorOutput());
    }
}
