package io.tribune.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import nu.validator.validation.SimpleDocumentValidator;

/**
 * The Nu HTML Checker (vnu, the W3C's validator) run in this JVM on a rendered page: {@code
 * HtmlValidator.assertValid("/settings", html)} fails with every error it reports, with line, column and the
 * offending source line. Warnings are ignored. The checker takes a few seconds to load its schemas, once per test
 * JVM; each page then takes milliseconds.
 */
public final class HtmlValidator {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private static SimpleDocumentValidator checker;
    private static Collector collector;

    private HtmlValidator() {
    }

    /** The checker's errors for this document, each "line:column message"; empty when the page is valid. */
    public static synchronized List<String> errors(String html) {
        try {
            if (checker == null) {
                collector = new Collector();
                SimpleDocumentValidator created = new SimpleDocumentValidator(true, false, false);
                created.setUpMainSchema(HTML_SCHEMA, collector);
                created.setUpValidatorAndParsers(collector, false, false);
                checker = created;
            }
            collector.errors.clear();
            InputSource source = new InputSource(new StringReader(html));
            source.setEncoding("UTF-8");
            checker.checkHtmlInputSource(source);
            return List.copyOf(collector.errors);
        } catch (SAXParseException e) { // a fatal error stops the check; the collector has reported it
            List<String> errors = new ArrayList<>(collector.errors);
            if (errors.isEmpty()) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker failed: " + e, e);
        }
    }

    /** Fails, naming the page, when the checker finds any error. */
    public static void assertValid(String page, String html) {
        List<String> errors = errors(html);
        if (!errors.isEmpty()) {
            String[] lines = html.split("\n", -1);
            StringBuilder message = new StringBuilder(page).append(": ").append(errors.size())
                    .append(" HTML error(s)");
            for (String error : errors) {
                message.append("\n  ").append(error);
                int line = lineOf(error);
                if (line >= 1 && line <= lines.length) {
                    message.append("\n    > ").append(lines[line - 1].strip());
                }
            }
            fail(message.toString());
        }
    }

    private static int lineOf(String error) {
        try {
            return Integer.parseInt(error.substring(0, error.indexOf(':')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static final class Collector implements ErrorHandler {
        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            // advice, not an error
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }
    }
}
