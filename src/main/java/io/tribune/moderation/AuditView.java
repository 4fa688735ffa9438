package io.tribune.moderation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.quarkus.panache.common.Parameters;
import io.tribune.account.User;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads the audit log, filtered and paged. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditView {

    /** One row; {@code sentence} says it in plain words, with links. */
    public record Entry(long id, Instant createdAt, String moderator, String action, String targetUser, Long commentId,
            String reasonCode, String reason, String before, String after, List<AuditWords.Part> sentence) {
        static Entry of(ModerationAction a) {
            return new Entry(a.id, a.createdAt, a.moderator == null ? "system" : a.moderator.username,
                    AuditWords.label(a.action), a.targetUser == null ? null : a.targetUser.username,
                    a.targetComment == null ? null : a.targetComment.id, a.reasonCode, a.reason, a.beforeState,
                    a.afterState, AuditWords.sentence(a));
        }

        public String plain() {
            return AuditWords.plain(sentence);
        }
    }

    /** Empty strings mean "any". Dates are UTC days, both inclusive. */
    public record Filter(String moderator, String user, ModerationAction.Type action, LocalDate from, LocalDate to) {
    }

    public record LogPage(List<Entry> entries, int page, long total, int pageSize) {
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

    private static final String FETCH = "select a from ModerationAction a left join fetch a.moderator left join fetch a.targetUser "
            + "left join fetch a.targetComment";

    private final int pageSize;

    AuditView(TribuneConfig config) {
        this.pageSize = config.moderation().adminPageSize();
    }

    public LogPage search(Filter f, int page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Parameters p = new Parameters();
        where(f, where, p);
        long total = ModerationAction.count("select count(a) from ModerationAction a" + where, p);
        List<Entry> entries = ModerationAction.<ModerationAction>find(FETCH + where + " order by a.createdAt desc, a.id desc", p)
                .page(page - 1, pageSize).list().stream().map(Entry::of).toList();
        return new LogPage(entries, page, total, pageSize);
    }

    /** Every entry the filter matches (at most {@code max}), newest first: the CSV export. */
    public List<Entry> all(Filter f, int max) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Parameters p = new Parameters();
        where(f, where, p);
        return ModerationAction.<ModerationAction>find(FETCH + where + " order by a.createdAt desc, a.id desc", p)
                .page(0, max).list().stream().map(Entry::of).toList();
    }

    private static void where(Filter f, StringBuilder where, Parameters p) {
        if (f.moderator() != null && !f.moderator().isBlank()) {
            where.append(" and lower(a.moderator.username) = :moderator");
            p.and("moderator", f.moderator().strip().toLowerCase());
        }
        if (f.user() != null && !f.user().isBlank()) {
            where.append(" and lower(a.targetUser.username) = :user");
            p.and("user", f.user().strip().toLowerCase());
        }
        if (f.action() != null) {
            where.append(" and a.action = :action");
            p.and("action", f.action());
        }
        if (f.from() != null) {
            where.append(" and a.createdAt >= :from");
            p.and("from", f.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (f.to() != null) {
            where.append(" and a.createdAt < :to");
            p.and("to", f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    public List<Entry> forUser(User u, int max) {
        return ModerationAction.<ModerationAction>find(FETCH + " where a.targetUser = ?1 order by a.createdAt desc, a.id desc", u)
                .page(0, max).list().stream().map(Entry::of).toList();
    }
}
