package io.tribune.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises, anywhere in an exception's cause chain, the failures that mean "the database cannot be reached"
 * rather than "this request is wrong". Seen in practice with PostgreSQL stopped under load: Hibernate's
 * {@code JDBCConnectionException} around pgjdbc's {@code PSQLException} with SQLState 08001 (connection refused),
 * 08006 (I/O error on a pooled connection) or 08003 (connection closed), and Agroal's acquisition timeouts (an
 * {@code SQLException} without SQLState, in a {@code GenericJDBCException}), wrapped in
 * {@code PersistenceException}, {@code ArcUndeclaredThrowableException}, or a failed commit's
 * {@code RollbackException} (where the driver's error is a suppressed {@code XAException}'s cause).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The database is unreachable or too busy to hand out a connection: answer 503, not 500. */
    public static boolean unavailable(Throwable failure) {
        return find(failure, true);
    }

    /**
     * The connection to the database was lost or could not be made: a server that is down or restarting, not
     * merely a busy pool. Only these close the {@link DatabaseGate}.
     */
    public static boolean connectionLost(Throwable failure) {
        return find(failure, false);
    }

    private static boolean find(Throwable failure, boolean busyCounts) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            // a failed commit: Narayana's RollbackException carries the driver's error as a suppressed XAException
            todo.addAll(List.of(t.getSuppressed()));
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (lostConnectionState(sql.getSQLState())) {
                    return true;
                }
                if (busyCounts && acquisitionTimeout(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception), and 57P01-57P03: the server is shutting down, crashed or is starting up
     * ("the database system is starting up" answers new connections during recovery).
     */
    private static boolean lostConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Agroal's "Sorry, acquisition timeout!" and "Acquisition timeout while waiting for new connection". */
    private static boolean acquisitionTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** The innermost cause, for one-line log messages. */
    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
