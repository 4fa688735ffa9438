package io.tribune.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A fingerprint of every table a request could write: row count plus an order-independent sum of row hashes, so an
 * inserted, deleted <em>or updated</em> row changes it. Taken before and after a rejected request to prove it wrote
 * nothing.
 */
@ApplicationScoped
public class TableDigests {

    /**
     * Every table of the schema (src/main/resources/db/migration) except:
     * <ul>
     * <li>{@code rate_limit_event}: a refused log-in, sign-up or reset request is <em>meant</em> to be counted there
     * (that is how brute force is throttled), so rejected requests legitimately add rows;</li>
     * <li>{@code flyway_schema_history}: not application data;</li>
     * <li>{@code article_visit}: a logged-in reader's article page is <em>meant</em> to record the visit (for "new
     * since your last visit"), written in the background by {@code reading.ArticleVisits}.</li>
     * </ul>
     * Tribune keeps sessions in an encrypted cookie, so there is no session table to exclude. {@code image} is hashed
     * without its bytes (its sha256 column stands for them).
     */
    static final List<String> TABLES = List.of("section", "author", "article", "article_update", "app_user", "comment",
            "comment_vote", "account_token", "comment_revision", "article_revision", "slug_redirect", "comment_report",
            "strike", "moderator_note", "blocked_identity", "moderation_word", "moderation_action", "user_mute");

    private final EntityManager em;

    TableDigests(EntityManager em) {
        this.em = em;
    }

    public record Snapshot(Map<String, String> tables) {

        /** The tables whose fingerprint differs from {@code later}'s, with before → after. */
        public List<String> changesTo(Snapshot later) {
            return tables.keySet().stream().filter(t -> !Objects.equals(tables.get(t), later.tables.get(t)))
                    .map(t -> t + " " + tables.get(t) + " -> " + later.tables.get(t)).toList();
        }
    }

    @Transactional
    public Snapshot take() {
        StringBuilder sql = new StringBuilder();
        for (String table : TABLES) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select '").append(table).append("', count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from ")
                    .append(table).append(" t");
        }
        sql.append(" union all select 'image', count(*) || ':' || coalesce(sum(hashtext(id || sha256 || "
                + "coalesce(uploaded_by, ''))::bigint), 0) from image");
        Map<String, String> tables = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(sql.toString()).getResultList()) {
            Object[] cols = (Object[]) row;
            tables.put((String) cols[0], (String) cols[1]);
        }
        return new Snapshot(tables);
    }
}
