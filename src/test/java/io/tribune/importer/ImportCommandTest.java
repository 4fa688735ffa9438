package io.tribune.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What {@code import …} prints and answers, for every way it can go. */
@QuarkusTest
class ImportCommandTest {

    @Inject
    ImportCommand command;

    record Run(int status, String out, String err) {
    }

    Run run(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSuccessfulImportDrawsItsProgressAndPrintsTheReport() {
        Run tty = run(true, "wordpress", ImportTest.WORDPRESS.toString());
        assertEquals(0, tty.status(), tty.err());
        assertTrue(tty.err().contains("\r[####################] 100 %"), tty.err());
        assertTrue(tty.out().contains("Imported a wordpress export:"), tty.out());
        assertTrue(tty.out().contains("line 193: comment 9201: it has no date"), tty.out());
        Run plain = run(false, "disqus", ImportTest.DISQUS.toString(), "--dry-run");
        assertEquals(0, plain.status(), plain.err());
        assertTrue(plain.err().contains("import: 100 %"), plain.err());
        assertTrue(!plain.err().contains("\r"), plain.err());
        assertTrue(plain.out().startsWith("Dry run (nothing written) of a disqus export:"), plain.out());
    }

    @Test
    void failuresExitNonZeroWithOneClearLine() {
        Run unknown = run(false, "movabletype", "x.xml");
        assertEquals(ImportCommand.USAGE, unknown.status());
        assertEquals("Unknown kind of import \"movabletype\": use wordpress or disqus. " + ImportCommand.USAGE_TEXT,
                unknown.err().strip());
        Run usage = run(false, "wordpress");
        assertEquals(ImportCommand.USAGE, usage.status());
        assertEquals(ImportCommand.USAGE_TEXT, usage.err().strip());
        Run missing = run(false, "wordpress", "no/such/export.xml");
        assertEquals(ImportCommand.FAILED, missing.status());
        assertEquals("Import failed: No such file: no/such/export.xml. Nothing was imported.", missing.err().strip());
        Run malformed = run(false, "wordpress", "src/test/resources/import/malformed.xml");
        assertEquals(ImportCommand.FAILED, malformed.status());
        assertTrue(malformed.err().strip().matches("Import failed: Line 15, column \\d+: the file is not well-formed XML"
                + " \\(.*\\)\\. Nothing was imported\\."), malformed.err());
        assertEquals(1, malformed.err().strip().lines().count());
        assertEquals("", malformed.out());
    }
}
