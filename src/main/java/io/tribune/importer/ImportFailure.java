package io.tribune.importer;

/** A file that cannot be imported at all (missing, not XML, not the expected format): nothing was written. */
public class ImportFailure extends Exception {

    public ImportFailure(String message) {
        super(message);
    }
}
