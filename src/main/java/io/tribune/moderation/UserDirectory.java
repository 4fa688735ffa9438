package io.tribune.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.Comment;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads for the admin user list and user page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UserDirectory {

    public record Row(String username, String displayName, String email, String status, String roles, Instant createdAt,
            long comments, long activeStrikes) {
    }

    public record UserPage(List<Row> rows, int page, long total, int pageSize) {
        public boolean hasNext() {
            return (long) page * pageSize < total;
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public int nextPage() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }
    }

    public record CommentFate(long id, String articleSlug, String articleHeadline, String excerpt, Instant createdAt,
            String status, String removalReason) {
    }

    public record ReportRow(long commentId, String other, String reason, String note, Instant createdAt, String decision) {
    }

    public record StrikeRow(String reason, Long commentId, Instant createdAt, Instant expiresAt, boolean active,
            boolean revoked) {
    }

    public record NoteRow(String author, String body, Instant createdAt) {
    }

    public record Detail(User user, List<CommentFate> comments, List<ReportRow> reportsMade, List<ReportRow> reportsReceived,
            List<StrikeRow> strikes, long activeStrikes, List<NoteRow> notes, List<AuditView.Entry> history) {
    }

    private final int pageSize;
    private final Clock clock;
    private final AuditView auditView;

    UserDirectory(TribuneConfig config, Clock clock, AuditView auditView) {
        this.pageSize = config.moderation().adminPageSize();
        this.clock = clock;
        this.auditView = auditView;
    }

    public UserPage search(String query, UserStatus status, int page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query != null && !query.isBlank()) {
            where.append(" and (lower(username) like :q or lower(email) like :q or lower(displayName) like :q)");
            params.and("q", "%" + query.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        var q = User.<User>find(where + " order by createdAt desc, id desc", params);
        long total = q.count();
        List<User> users = q.page(Page.of(page - 1, pageSize)).list();
        Map<Long, Long> comments = counts("select c.author.id, count(c) from Comment c where c.author.id in :ids group by c.author.id", users, false);
        Map<Long, Long> strikes = counts("select s.user.id, count(s) from Strike s where s.user.id in :ids and s.revokedAt is null "
                + "and s.expiresAt > :now group by s.user.id", users, true);
        List<Row> rows = users.stream().map(u -> new Row(u.username, u.displayName, u.email, u.status.name(), u.roles, u.createdAt,
                comments.getOrDefault(u.id, 0L), strikes.getOrDefault(u.id, 0L))).toList();
        return new UserPage(rows, page, total, pageSize);
    }

    private Map<Long, Long> counts(String jpql, List<User> users, boolean withNow) {
        Map<Long, Long> out = new HashMap<>();
        if (users.isEmpty()) {
            return out;
        }
        var q = User.getEntityManager().createQuery(jpql, Object[].class).setParameter("ids", users.stream().map(u -> u.id).toList());
        if (withNow) {
            q.setParameter("now", clock.instant());
        }
        for (Object[] row : q.getResultList()) {
            out.put((Long) row[0], (Long) row[1]);
        }
        return out;
    }

    public Detail detail(String username) {
        User u = User.findByUsername(username).orElseThrow(() -> ModerationRefused.notFound("No user called " + username + "."));
        Instant now = clock.instant();
        Map<Long, String> removalReasons = new HashMap<>();
        for (ModerationAction a : ModerationAction.<ModerationAction>list("action = ?1 and targetUser = ?2 order by createdAt",
                ModerationAction.Type.REMOVE, u)) {
            if (a.targetComment != null) {
                removalReasons.put(a.targetComment.id, a.reason);
            }
        }
        List<CommentFate> comments = Comment.<Comment>find("select c from Comment c join fetch c.article where c.author = ?1 "
                + "order by c.createdAt desc", u).page(0, 100).list().stream()
                .map(c -> new CommentFate(c.id, c.article.slug, c.article.headline, Texts.excerpt(c.body, 160), c.createdAt,
                        c.status.name(), removalReasons.get(c.id)))
                .toList();
        List<ReportRow> made = CommentReport.<CommentReport>find("select r from CommentReport r join fetch r.comment c "
                + "join fetch c.author where r.reporter = ?1 order by r.createdAt desc", u).page(0, 100).list().stream()
                .map(r -> new ReportRow(r.comment.id, r.comment.author.username, r.reason.label, r.note, r.createdAt,
                        r.decision == null ? "open" : r.decision.name().toLowerCase()))
                .toList();
        List<ReportRow> received = CommentReport.<CommentReport>find("select r from CommentReport r join fetch r.reporter "
                + "where r.comment.author = ?1 order by r.createdAt desc", u).page(0, 100).list().stream()
                .map(r -> new ReportRow(r.comment.id, r.reporter.username, r.reason.label, r.note, r.createdAt,
                        r.decision == null ? "open" : r.decision.name().toLowerCase()))
                .toList();
        List<StrikeRow> strikes = Strike.<Strike>list("user = ?1 order by createdAt desc", u).stream()
                .map(s -> new StrikeRow(s.reason.label, s.comment == null ? null : s.comment.id, s.createdAt, s.expiresAt,
                        s.isActive(now), s.revokedAt != null))
                .toList();
        List<NoteRow> notes = ModeratorNote.<ModeratorNote>find("select n from ModeratorNote n join fetch n.author where n.user = ?1 "
                + "order by n.createdAt desc", u).list().stream()
                .map(n -> new NoteRow(n.author.username, n.body, n.createdAt)).toList();
        return new Detail(u, comments, made, received, strikes, strikes.stream().filter(StrikeRow::active).count(), notes,
                auditView.forUser(u, 50));
    }
}
