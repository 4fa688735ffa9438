package io.tribune.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column values as native queries and JDBC return them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} as an instant, whichever type the driver or Hibernate gave it; null stays null. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
