package io.tribune.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.comment.Comment;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /transparency}: the moderation of the last 12 months in numbers, per month (UTC), computed from the audit log
 * (reports from the report table, appeal times from the appeal table). Counts only: no names, no texts.
 */
@Path("/transparency")
@Produces(MediaType.TEXT_HTML)
public class TransparencyPage {

    static final int MONTHS = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** One month; the by-reason lists follow {@link ReportReason#values()}. */
    public record Month(String label, List<Long> reportsByReason, long reports, List<Long> removalsByReason, long removals,
            long strikes, long strikesWithdrawn, long suspensions, long deregistrations, long appeals, long reversed,
            long upheld, String medianReportDecision, String medianAppealDecision) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transparency(List<Month> months, List<ReportReason> reasons);
    }

    private final Clock clock;

    TransparencyPage(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance transparency() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth first = now.minusMonths(MONTHS - 1);
        Instant since = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Long> actions = counts("select to_char(created_at at time zone 'UTC', 'YYYY-MM'), action, coalesce(reason_code, ''), "
                + "count(*) from moderation_action where created_at >= ?1 and action in ('REMOVE', 'STRIKE', 'STRIKE_WITHDRAWN', "
                + "'SUSPEND', 'DEREGISTER', 'APPEAL', 'APPEAL_UPHELD', 'APPEAL_REVERSED') group by 1, 2, 3", since);
        Map<String, Long> reports = counts("select to_char(created_at at time zone 'UTC', 'YYYY-MM'), 'REPORT', reason, count(*) "
                + "from comment_report where created_at >= ?1 group by 1, 2, 3", since);
        Map<String, String> reportMedians = medians("select to_char(decided at time zone 'UTC', 'YYYY-MM'), percentile_cont(0.5) "
                + "within group (order by extract(epoch from decided - reported)) from (select min(created_at) reported, "
                + "max(resolved_at) decided from comment_report where resolved_at >= ?1 group by comment_id) t group by 1", since);
        Map<String, String> appealMedians = medians("select to_char(decided_at at time zone 'UTC', 'YYYY-MM'), percentile_cont(0.5) "
                + "within group (order by extract(epoch from decided_at - created_at)) from appeal where decided_at >= ?1 group by 1",
                since);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = now; !m.isBefore(first); m = m.minusMonths(1)) {
            String key = m.toString();
            List<Long> reported = new ArrayList<>();
            List<Long> removed = new ArrayList<>();
            for (ReportReason r : ReportReason.values()) {
                reported.add(reports.getOrDefault(key + "|REPORT|" + r.name(), 0L));
                removed.add(actions.getOrDefault(key + "|REMOVE|" + r.code, 0L));
            }
            long removals = sum(actions, key + "|REMOVE|");
            months.add(new Month(MONTH.format(m), reported, sum(reports, key + "|REPORT|"), removed, removals,
                    sum(actions, key + "|STRIKE|"), sum(actions, key + "|STRIKE_WITHDRAWN|"), sum(actions, key + "|SUSPEND|"),
                    sum(actions, key + "|DEREGISTER|"), sum(actions, key + "|APPEAL|"), sum(actions, key + "|APPEAL_REVERSED|"),
                    sum(actions, key + "|APPEAL_UPHELD|"), reportMedians.getOrDefault(key, "—"), appealMedians.getOrDefault(key, "—")));
        }
        return Templates.transparency(months, Arrays.asList(ReportReason.values()));
    }

    private static Map<String, Long> counts(String sql, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Comment.getEntityManager().createNativeQuery(sql).setParameter(1, since).getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.put(r[0] + "|" + r[1] + "|" + r[2], ((Number) r[3]).longValue());
        }
        return counts;
    }

    private static Map<String, String> medians(String sql, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Comment.getEntityManager().createNativeQuery(sql).setParameter(1, since).getResultList();
        Map<String, String> medians = new HashMap<>();
        for (Object[] r : rows) {
            medians.put((String) r[0], Dashboard.duration(r[1]));
        }
        return medians;
    }

    /** All counts of one month and action, whatever their reason. */
    private static long sum(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }
}
