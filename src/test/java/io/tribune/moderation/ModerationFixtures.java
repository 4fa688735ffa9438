package io.tribune.moderation;

import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Users with fixed names for {@code @TestSecurity}, reset to a known state on every call. */
@ApplicationScoped
public class ModerationFixtures {

    @Inject
    Fixtures fixtures;

    @Transactional
    public User account(String username, String roles, UserStatus status) {
        User u = User.findByUsername(username).orElseGet(() -> fixtures.user(username));
        u = User.findById(u.id);
        u.roles = roles;
        u.status = status;
        u.suspendedUntil = status == UserStatus.SUSPENDED ? java.time.Instant.now().plusSeconds(86400) : null;
        u.alwaysHold = false;
        return u;
    }

    @Transactional
    public User reload(User u) {
        return User.findById(u.id);
    }

    @Transactional
    public Comment comment(long id) {
        Comment c = Comment.findById(id);
        c.article.headline.length(); // load it
        return c;
    }

    @Transactional
    public long activeStrikes(User u, java.time.Instant now) {
        return Strike.countActive(User.findById(u.id), now);
    }

    @Transactional
    public java.util.List<ModerationAction.Type> actionsFor(User u) {
        return ModerationAction.<ModerationAction>list("targetUser.id = ?1 order by id", u.id).stream().map(a -> a.action).toList();
    }

    @Transactional
    public long openReports(long commentId) {
        return CommentReport.count("comment.id = ?1 and resolvedAt is null", commentId);
    }

    /** Runs raw SQL against the audit log, as an attacker with database access through the app would. */
    @Transactional
    public int tamper(String sql) {
        return ModerationAction.getEntityManager().createNativeQuery(sql).executeUpdate();
    }

    @Transactional
    public java.util.List<ModerationAction> log(User u) {
        java.util.List<ModerationAction> list = ModerationAction.list("targetUser.id = ?1 order by id", u.id);
        list.forEach(a -> {
            if (a.moderator != null) {
                a.moderator.username.length();
            }
        });
        return list;
    }

    @Transactional
    public int commentCount(long articleId) {
        return io.tribune.article.Article.<io.tribune.article.Article>findById(articleId).commentCount;
    }

    /** Forgets a fixed test user's reports, so the daily limit starts afresh for each test. */
    @Transactional
    public void clearReportsBy(User u) {
        CommentReport.delete("reporter.id", u.id);
    }

    @Transactional
    public void setStatus(User u, UserStatus status) {
        User x = User.findById(u.id);
        x.status = status;
        x.suspendedUntil = status == UserStatus.SUSPENDED ? java.time.Instant.now().plusSeconds(86400) : null;
    }

    @Transactional
    public long wordId(String word) {
        return ModerationWord.<ModerationWord>find("word", word).firstResult().id;
    }

    @Transactional
    public java.util.List<ModerationAction.Type> wordActions(String... words) {
        return ModerationAction.<ModerationAction>list("reason in ?1 order by id", java.util.List.of(words)).stream()
                .map(a -> a.action).toList();
    }

    /** Gives a fixture user a password, so a browser can log in with it. */
    @Transactional
    public User withPassword(User u, String password) {
        User x = User.findById(u.id);
        x.passwordHash = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password);
        return x;
    }
}
