package io.tribune.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Parameters;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads the queues: one statement for the page of ids, then one each for comments, parents and reports. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueService {

    private static final String OPEN_REPORT = "exists (select 1 from CommentReport r where r.comment = c and r.resolvedAt is null)";

    public record Page(Queue queue, List<QueueItem> items, int page, long total, int pageSize) {
        public boolean hasNext() {
            return (long) page * pageSize < total;
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public int next() {
            return page + 1;
        }

        public int previous() {
            return page - 1;
        }
    }

    private final int pageSize;
    private final Clock clock;

    QueueService(TribuneConfig config, Clock clock) {
        this.pageSize = config.moderation().adminPageSize();
        this.clock = clock;
    }

    public Page page(Queue queue, int page) {
        EntityManager em = Comment.getEntityManager();
        String where = switch (queue) {
            case REPORTED -> OPEN_REPORT;
            case HELD -> "c.status = io.tribune.comment.CommentStatus.PENDING and not " + OPEN_REPORT;
            case RECENT -> "1 = 1";
            case REMOVED -> "c.status = io.tribune.comment.CommentStatus.REMOVED";
        };
        String order = switch (queue) {
            case REPORTED -> "(select count(r) from CommentReport r where r.comment = c and r.resolvedAt is null) desc, c.createdAt, c.id";
            case HELD -> "c.createdAt, c.id";
            case RECENT, REMOVED -> "c.createdAt desc, c.id desc";
        };
        long total = em.createQuery("select count(c) from Comment c where " + where, Long.class).getSingleResult();
        List<Long> ids = em.createQuery("select c.id from Comment c where " + where + " order by " + order, Long.class)
                .setFirstResult((page - 1) * pageSize).setMaxResults(pageSize).getResultList();
        return new Page(queue, items(ids), page, total, pageSize);
    }

    public long count(Queue queue) {
        String where = switch (queue) {
            case REPORTED -> OPEN_REPORT;
            case HELD -> "c.status = io.tribune.comment.CommentStatus.PENDING and not " + OPEN_REPORT;
            case RECENT -> "c.createdAt > :since";
            case REMOVED -> "c.status = io.tribune.comment.CommentStatus.REMOVED";
        };
        var q = Comment.getEntityManager().createQuery("select count(c) from Comment c where " + where, Long.class);
        if (queue == Queue.RECENT) {
            q.setParameter("since", clock.instant().minus(Duration.ofDays(1)));
        }
        return q.getSingleResult();
    }

    /** The queue items for these comment ids, in the same order. */
    public List<QueueItem> items(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Comment> comments = new HashMap<>();
        Comment.<Comment>find("select c from Comment c join fetch c.author join fetch c.article where c.id in :ids",
                Parameters.with("ids", ids)).list().forEach(c -> comments.put(c.id, c));
        List<Long> parentIds = comments.values().stream().map(c -> c.parentId).filter(p -> p != null).distinct().toList();
        Map<Long, Comment> parents = new HashMap<>();
        if (!parentIds.isEmpty()) {
            Comment.<Comment>find("select c from Comment c join fetch c.author where c.id in :ids",
                    Parameters.with("ids", parentIds)).list().forEach(c -> parents.put(c.id, c));
        }
        Map<Long, List<QueueItem.ReportView>> reports = new HashMap<>();
        CommentReport.<CommentReport>find("select r from CommentReport r join fetch r.reporter where r.comment.id in :ids "
                + "order by r.createdAt", Parameters.with("ids", ids)).list()
                .forEach(r -> reports.computeIfAbsent(r.comment.id, k -> new ArrayList<>()).add(new QueueItem.ReportView(
                        r.reason.code, r.reason.label, r.note, r.reporter.username, r.createdAt, r.resolvedAt == null)));
        List<QueueItem> items = new ArrayList<>();
        for (Long id : ids) {
            Comment c = comments.get(id);
            if (c == null) {
                continue;
            }
            Comment p = c.parentId == null ? null : parents.get(c.parentId);
            List<QueueItem.ReportView> rs = reports.getOrDefault(id, List.of());
            items.add(new QueueItem(c.id, c.status.name(), c.body, c.bodyHtml, c.createdAt, c.author.username,
                    c.author.displayName, c.author.status.name(), c.article.slug, c.article.headline, c.parentId,
                    p == null ? null : p.author.displayName,
                    p == null ? null : p.status == CommentStatus.VISIBLE ? Texts.excerpt(p.body, 200) : "(" + p.status.name().toLowerCase() + ")",
                    rs, rs.stream().filter(QueueItem.ReportView::open).count(), c.editedAt, c.featuredAt != null,
                    c.article.slowModeSeconds));
        }
        return items;
    }
}
