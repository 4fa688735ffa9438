package io.tribune.support;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tribune.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Grants and ends supporter status, and answers who supports the site (for badges and the thank-you). */
@ApplicationScoped
@Named("supporters")
public class SupporterService {

    private final EntityManager em;

    SupporterService(EntityManager em) {
        this.em = em;
    }

    /** Supporter until {@code until}; a later date extends, an earlier one never shortens a running support. */
    @Transactional
    public Supporter grant(User user, Instant until, String source) {
        Supporter s = Supporter.findById(user.id);
        Instant now = Instant.now();
        if (s == null) {
            s = new Supporter();
            s.userId = user.id;
            s.until = until;
            s.source = source;
            s.updatedAt = now;
            s.persist();
            return s;
        }
        if (s.until == null || s.until.isBefore(until)) {
            s.until = until;
        }
        s.source = source;
        s.updatedAt = now;
        return s;
    }

    /** Support ends now (a cancelled subscription, or an admin's decision). */
    @Transactional
    public boolean end(User user) {
        Supporter s = Supporter.findById(user.id);
        if (s == null || !s.isActive()) {
            return false;
        }
        s.until = Instant.now();
        s.updatedAt = s.until;
        return true;
    }

    @Transactional
    public void showBadge(long userId, boolean show) {
        Supporter s = Supporter.findById(userId);
        if (s != null) {
            s.showBadge = show;
            s.updatedAt = Instant.now();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Supporter> of(Long userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(Supporter.<Supporter>findById(userId));
    }

    /** Whether this user supports the site now (for the thank-you on /settings). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(Long userId) {
        return of(userId).map(Supporter::isActive).orElse(false);
    }

    /** Whether a badge is shown beside this user's name: an active supporter who chose to show it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean badge(Long userId) {
        return of(userId).map(s -> s.isActive() && s.showBadge).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupporterRow> active() {
        return em.createQuery("select new io.tribune.support.SupporterRow(u.username, s.until, s.source,"
                + " s.showBadge) from Supporter s, User u where u.id = s.userId and s.until > current_timestamp"
                + " order by s.until", SupporterRow.class).getResultList();
    }
}
