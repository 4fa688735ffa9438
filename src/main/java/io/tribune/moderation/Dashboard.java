package io.tribune.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.tribune.comment.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The last 30 days in numbers, computed in SQL (days from generate_series, so empty days show as 0). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboard {

    public static final int DAYS = 30;

    public record Bar(String label, long value, int x, int y, int width, int height) {
    }

    /** A bar chart laid out for inline SVG (presentation attributes only; no style, no script). */
    public record Chart(String id, String title, List<Bar> bars, long max, long total, int width, int height) {
        static Chart of(String id, String title, List<String> labels, List<Long> values, int width, int height) {
            long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(0));
            int n = Math.max(1, labels.size());
            int slot = width / n;
            int barWidth = Math.max(2, slot - 2);
            int plot = height - 14; // room for the baseline labels
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                long v = values.get(i);
                int h = (int) Math.round((double) v / max * plot);
                bars.add(new Bar(labels.get(i), v, i * slot + 1, plot - h, barWidth, h));
            }
            return new Chart(id, title, bars, max, values.stream().mapToLong(Long::longValue).sum(), width, height);
        }

        public int baseline() {
            return height - 14;
        }

        public int labelY() {
            return height - 2;
        }

        public String firstLabel() {
            return bars.isEmpty() ? "" : bars.get(0).label();
        }

        public String lastLabel() {
            return bars.isEmpty() ? "" : bars.get(bars.size() - 1).label();
        }
    }

    public record Discussed(String slug, String headline, long comments) {
    }

    public record Summary(Chart comments, Chart reports, Chart removals, Chart sanctions, String medianDecision,
            List<Discussed> discussed, AppealStats appeals) {
    }

    /** Appeals received in the period, those decided, the median time to decide and the share reversed. */
    public record AppealStats(long received, long decided, long reversed, String medianDecision) {
        public String reversedShare() {
            return decided == 0 ? "none decided yet" : Math.round(100.0 * reversed / decided) + " %";
        }
    }

    private final Clock clock;

    Dashboard(Clock clock) {
        this.clock = clock;
    }

    public Summary summary() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Summary(perDay("comments", "Comments per day", "comment", first, today, since),
                perDay("reports", "Reports per day", "comment_report", first, today, since),
                grouped("removals", "Removals by reason", "select coalesce(reason_code, 'other'), count(*) from moderation_action "
                        + "where action = 'REMOVE' and created_at >= ?1 group by 1 order by 2 desc, 1", since),
                sanctions(since), median(since), discussed(since), appeals(since));
    }

    private AppealStats appeals(Instant since) {
        Object[] row = (Object[]) em().createNativeQuery("select count(*), count(decided_at), count(*) filter (where outcome = 'REVERSED'), "
                + "percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at)) "
                + "from appeal where created_at >= ?1").setParameter(1, since).getSingleResult();
        return new AppealStats(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                duration(row[3]));
    }

    private Chart perDay(String id, String title, String table, LocalDate first, LocalDate last, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select to_char(d, 'DD Mon'), count(t.id) from generate_series(cast(?1 as date), "
                + "cast(?2 as date), interval '1 day') d left join " + table + " t on t.created_at >= ?3 "
                + "and cast(t.created_at at time zone 'UTC' as date) = cast(d as date) group by d order by d")
                .setParameter(1, first).setParameter(2, last).setParameter(3, since).getResultList();
        return Chart.of(id, title, rows.stream().map(r -> (String) r[0]).toList(),
                rows.stream().map(r -> ((Number) r[1]).longValue()).toList(), 600, 140);
    }

    private Chart grouped(String id, String title, String sql, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(sql).setParameter(1, since).getResultList();
        return Chart.of(id, title, rows.stream().map(r -> (String) r[0]).toList(),
                rows.stream().map(r -> ((Number) r[1]).longValue()).toList(), 300, 140);
    }

    private Chart sanctions(Instant since) {
        List<String> labels = List.of("STRIKE", "SUSPEND", "DEREGISTER");
        List<Long> values = new ArrayList<>();
        for (String action : labels) {
            values.add(((Number) em().createNativeQuery("select count(*) from moderation_action where action = ?1 and created_at >= ?2")
                    .setParameter(1, action).setParameter(2, since).getSingleResult()).longValue());
        }
        return Chart.of("sanctions", "Strikes, suspensions, de-registrations",
                List.of("strikes", "suspensions", "de-registrations"), values, 300, 140);
    }

    private String median(Instant since) {
        Object seconds = em().createNativeQuery("select percentile_cont(0.5) within group (order by extract(epoch from decided - reported)) "
                + "from (select min(created_at) reported, max(resolved_at) decided from comment_report where resolved_at >= ?1 "
                + "group by comment_id) t").setParameter(1, since).getSingleResult();
        return duration(seconds);
    }

    /** Seconds (a number from SQL, or null) in words. */
    static String duration(Object seconds) {
        if (seconds == null) {
            return "no decisions yet";
        }
        long s = Math.round(((Number) seconds).doubleValue());
        return s < 120 ? s + " seconds" : s < 7200 ? s / 60 + " minutes" : s < 172800 ? s / 3600 + " hours" : s / 86400 + " days";
    }

    private List<Discussed> discussed(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select a.slug, a.headline, count(c.id) from comment c join article a "
                + "on a.id = c.article_id where c.created_at >= ?1 group by a.id, a.slug, a.headline order by 3 desc, a.id "
                + "limit 10").setParameter(1, since).getResultList();
        return rows.stream().map(r -> new Discussed((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    private static EntityManager em() {
        return Comment.getEntityManager();
    }
}
