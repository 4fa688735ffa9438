package io.tribune.web;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * While installed on the root logger, keeps every ERROR record and every record that carries a throwable (a stack
 * trace in the log). No input from a client may cause one: the bad-input suites fail on whatever this caught.
 */
final class ErrorLog extends Handler {

    private final List<String> records = new ArrayList<>();

    static ErrorLog install() {
        ErrorLog log = new ErrorLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** Uninstalls and returns what was caught, one line each. */
    synchronized List<String> remove() {
        Logger.getLogger("").removeHandler(this);
        return List.copyOf(records);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            records.add(record.getLevel() + " [" + record.getLoggerName() + "] " + message
                    + (record.getThrown() == null ? "" : " with a stack trace: " + record.getThrown()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
