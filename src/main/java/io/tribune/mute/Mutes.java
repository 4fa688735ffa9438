package io.tribune.mute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tribune.account.AccountDeleted;
import io.tribune.account.CurrentUser;
import io.tribune.account.PersonalData;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.Comment;
import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A reader mutes another user for themselves: that user's comments fold to "Comment by a muted user — show" on the
 * muter's pages and send the muter no reply or mention notices. Private: the muted user is not told, and nothing
 * shows it to anyone but the muter. Every logged-in account may manage its own mutes, suspended and de-registered
 * ones too (it only hides things from themselves).
 */
@ApplicationScoped
@Named("mutes")
public class Mutes implements PersonalData {

    /** A muted user as the muter's settings list them. */
    public record Muted(String username, String displayName, Instant since) {
    }

    /** What a profile page offers the logged-in reader looking at it. */
    public record ProfileAction(boolean offered, boolean muted) {
    }

    private final EntityManager em;
    private final CurrentUser currentUser;

    Mutes(EntityManager em, CurrentUser currentUser) {
        this.em = em;
        this.currentUser = currentUser;
    }

    @Transactional
    public User mute(long muterId, String username) {
        User target = findUser(username);
        if (target.id == muterId) {
            throw new MuteRefused(400, "You cannot mute yourself.");
        }
        int added = em.createNativeQuery("insert into user_mute (muter_id, muted_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, muterId).setParameter(2, target.id).executeUpdate();
        if (added == 0) {
            throw new MuteRefused(409, "You have already muted @" + target.username + ".");
        }
        return target;
    }

    @Transactional
    public User unmute(long muterId, String username) {
        User target = findUser(username);
        int removed = em.createNativeQuery("delete from user_mute where muter_id = ?1 and muted_id = ?2")
                .setParameter(1, muterId).setParameter(2, target.id).executeUpdate();
        if (removed == 0) {
            throw new MuteRefused(409, "You have not muted @" + target.username + ".");
        }
        return target;
    }

    /** The author of a comment on a published article, for the "Mute" button of a comment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Comment> comment(long commentId) {
        return Comment.<Comment>find("select c from Comment c join fetch c.article join fetch c.author where c.id = ?1", commentId)
                .firstResultOptional().filter(c -> c.article.isPublished());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isMuted(long muterId, long mutedId) {
        return !em.createNativeQuery("select 1 from user_mute where muter_id = ?1 and muted_id = ?2")
                .setParameter(1, muterId).setParameter(2, mutedId).getResultList().isEmpty();
    }

    /** The muter's list, newest first (the settings page and "Download my data"). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Muted> of(long muterId) {
        List<?> rows = em.createNativeQuery("select u.username, u.display_name, m.created_at from user_mute m"
                + " join app_user u on u.id = m.muted_id where m.muter_id = ?1 order by m.created_at desc, u.username")
                .setParameter(1, muterId).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Muted((String) r[0], (String) r[1], SqlValues.instant(r[2]))).toList();
    }

    /** For the profile page: whether the logged-in reader may mute (or unmute) the user shown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProfileAction onProfile(long profileUserId) {
        Optional<Long> me = currentUser.id();
        if (me.isEmpty() || me.get() == profileUserId) {
            return new ProfileAction(false, false);
        }
        return new ProfileAction(true, isMuted(me.get(), profileUserId));
    }

    @Override
    public List<?> mutesOf(long userId) {
        return of(userId);
    }

    /** A deleted account keeps no mutes, neither its own nor others' of it. */
    void onAccountDeleted(@Observes(during = TransactionPhase.IN_PROGRESS) AccountDeleted deleted) {
        em.createNativeQuery("delete from user_mute where muter_id = ?1 or muted_id = ?1")
                .setParameter(1, deleted.userId()).executeUpdate();
    }

    private User findUser(String username) {
        return User.findByUsername(username == null ? "" : username)
                .filter(u -> u.status != UserStatus.DELETED)
                .orElseThrow(() -> new MuteRefused(404, "There is no such user."));
    }
}
