package io.tribune.notification.outbox;

import java.util.List;

import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What the admin page shows of the outbox. */
@ApplicationScoped
class OutboxQueries {

    private final EntityManager em;

    OutboxQueries(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    OutboxPages.View view(String status, int page, int size, String notice) {
        Object[] counts = (Object[]) em.createNativeQuery("select count(*) filter (where status in ('PENDING', 'SENDING')),"
                + " count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'SENT') from mail_outbox")
                .getSingleResult();
        List<String> statuses = "PENDING".equals(status) ? List.of("PENDING", "SENDING") : List.of(status);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, recipient, kind, subject, status, attempts, created_at,"
                + " next_attempt_at, last_error from mail_outbox where status in (:statuses) order by id desc"
                + " limit :limit offset :offset")
                .setParameter("statuses", statuses).setParameter("limit", size + 1)
                .setParameter("offset", (long) (page - 1) * size).getResultList();
        List<OutboxPages.Row> shown = rows.stream().limit(size).map(r -> new OutboxPages.Row(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                SqlValues.instant(r[6]), SqlValues.instant(r[7]), (String) r[8])).toList();
        return new OutboxPages.View(shown, status.toLowerCase(), ((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(), page, rows.size() > size, notice);
    }
}
