package io.tribune.comment;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hibernate.annotations.IdGeneratorType;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

/**
 * Comment ids taken from the identity column's own sequence before the insert; a top-level comment (no parent, no
 * root yet) becomes its own root here, before Hibernate takes the state it inserts, so it is inserted with
 * {@code root_id = id} at once. With IDENTITY this took a second UPDATE, which (root_id being indexed) wrote a new
 * row version and an entry in every index of the table. Hibernate's {@code @SequenceGenerator} cannot be used:
 * schema validation does not see a sequence owned by an identity column.
 */
public class CommentIds implements IdentifierGenerator {

    private static final String NEXT = "select nextval(pg_get_serial_sequence('comment', 'id'))";

    @IdGeneratorType(CommentIds.class)
    @Retention(RUNTIME)
    @Target(FIELD)
    public @interface FromIdentitySequence {
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object comment) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(NEXT);
        try {
            ResultSet result = jdbc.getResultSetReturn().extract(statement, NEXT);
            result.next();
            long id = result.getLong(1);
            if (comment instanceof Comment c && c.parentId == null && c.rootId == null) {
                c.rootId = id;
            }
            return id;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Could not get the next comment id", NEXT);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }
}
