package io.tribune.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.comment.CommentNode;
import io.tribune.comment.CommentStatus;
import io.tribune.comment.ThreadService;
import io.tribune.comment.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the live streams read from the database: the article a stream is for, and the comments a batch of notices
 * names, each rendered once per instance as readers without an account see it. Called off the event loop.
 */
@ApplicationScoped
@ActivateRequestContext
@Transactional
public class LiveReads {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fragment(CommentNode node, Viewer viewer);
    }

    /** A comment named by a notice, as it is now. {@code html} is its list item (a placeholder unless visible). */
    public record Rendered(long id, long articleId, Long parent, boolean visible, String html) {
    }

    /** A comment's up-votes now, if it is visible. */
    public record Votes(long id, long articleId, int up) {
    }

    private final ThreadService threads;
    private final EntityManager entities;

    LiveReads(ThreadService threads, EntityManager entities) {
        this.threads = threads;
        this.entities = entities;
    }

    /** The id of the published article with this slug, if there is one. */
    public OptionalLong publishedArticle(String slug) {
        List<?> ids = entities.createNativeQuery(
                "select id from article where slug = ?1 and status = 'PUBLISHED' and published_at <= now()")
                .setParameter(1, slug).getResultList();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) ids.get(0)).longValue());
    }

    /** The comments, read in a constant number of statements and rendered once each. */
    public Map<Long, Rendered> render(Collection<Long> ids) {
        Map<Long, Rendered> rendered = new HashMap<>();
        for (ThreadService.Shown shown : threads.shown(ids)) {
            CommentNode node = shown.node();
            String html = Templates.fragment(node, Viewer.ANONYMOUS).render().strip();
            rendered.put(node.id(), new Rendered(node.id(), shown.articleId(), shown.shownUnder(),
                    node.status() == CommentStatus.VISIBLE, html));
        }
        return rendered;
    }

    /** The up-votes of those of the comments that are visible, in one statement. */
    public List<Votes> votes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(
                "select id, article_id, vote_count from comment where id = any(cast(?1 as bigint[])) and status = 'VISIBLE'")
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
        return rows.stream().map(r -> new Votes(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).intValue())).toList();
    }

    /** Whether a visible comment on the article was written or edited within {@code within}. */
    public boolean recentActivity(long articleId, Duration within) {
        List<?> found = entities.createNativeQuery("select 1 from comment where article_id = ?1 and status = 'VISIBLE'"
                + " and coalesce(edited_at, created_at) > ?2 limit 1")
                .setParameter(1, articleId).setParameter(2, Instant.now().minus(within)).getResultList();
        return !found.isEmpty();
    }
}
