package io.tribune.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tribune.account.AccountDeleted;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentPosted;
import io.tribune.comment.CommentStatus;
import io.tribune.config.TribuneConfig;
import io.tribune.markdown.MarkdownRenderer;
import io.tribune.moderation.CommentDecided;
import io.tribune.moderation.ReportResolved;
import io.tribune.moderation.AppealDecided;
import io.tribune.moderation.SanctionApplied;
import io.tribune.mute.Mutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

/**
 * Turns what happens in the comment and moderation features into notices (the /notifications page) and emails
 * (the outbox), in the transaction of the event itself: both exist exactly when the cause was committed. Nobody is
 * told of their own action, and nothing is said about a comment that has since been removed.
 */
@ApplicationScoped
class Notifier {

    /** More @names than this in one comment notify nobody beyond the first ones. */
    static final int MAX_MENTIONS = 10;

    private final Emails emails;
    private final MarkdownRenderer markdown;
    private final EntityManager em;
    private final TribuneConfig config;
    private final Mutes mutes;

    Notifier(Emails emails, MarkdownRenderer markdown, EntityManager em, TribuneConfig config, Mutes mutes) {
        this.mutes = mutes;
        this.emails = emails;
        this.markdown = markdown;
        this.em = em;
        this.config = config;
    }

    void onPosted(@Observes(during = TransactionPhase.IN_PROGRESS) CommentPosted posted) {
        if (posted.visible()) {
            newComment(em.find(Comment.class, posted.commentId()), posted.parentAuthorId(), posted.mentioned());
        }
    }

    void onDecided(@Observes(during = TransactionPhase.IN_PROGRESS) CommentDecided decided) {
        Comment c = em.find(Comment.class, decided.commentId());
        User author = em.find(User.class, decided.authorId());
        String on = " on “" + c.article.headline + "”";
        switch (decided.outcome()) {
            case REMOVED -> {
                // never a notice about a comment since removed
                em.createQuery("delete from Notice where commentId = ?1 and kind in ?2")
                        .setParameter(1, c.id).setParameter(2, List.of(Notice.Kind.REPLY, Notice.Kind.MENTION, Notice.Kind.UPVOTES))
                        .executeUpdate();
                String text = "A moderator removed your comment" + on + ". Reason: " + decided.reason() + ".";
                toAuthor(author, decided.moderatorId(), c, text, new Emails.Part("your comment was removed",
                        text + "\n\nYour comment:\n> " + excerpt(c.body, 600) + "\n\nIn the thread, \"Comment removed by a"
                                + " moderator\" now stands in its place: " + permalink(c), false));
            }
            case RESTORED -> {
                String text = "A moderator restored your comment" + on + ": it is visible again, and a strike it gave no longer counts.";
                toAuthor(author, decided.moderatorId(), c, text,
                        new Emails.Part("your comment was restored", text + "\n\n" + permalink(c), false));
            }
            case APPROVED -> {
                if (decided.wasHeld()) {
                    String text = "A moderator approved your comment" + on + ": it is now visible to everyone.";
                    toAuthor(author, decided.moderatorId(), c, text,
                            new Emails.Part("your comment was approved", text + "\n\n" + permalink(c), false));
                    // replies and mentions are told once the comment can be read
                    Long parentAuthor = c.parentId == null ? null : em.find(Comment.class, c.parentId).author.id;
                    newComment(c, parentAuthor, markdown.mentions(c.body));
                }
            }
        }
    }

    void onSanction(@Observes(during = TransactionPhase.IN_PROGRESS) SanctionApplied sanction) {
        User user = em.find(User.class, sanction.userId());
        if (!reachable(user) || user.id.equals(sanction.moderatorId())) {
            return;
        }
        TribuneConfig.Moderation rules = config.moderation();
        Comment comment = sanction.commentId() == null ? null : em.find(Comment.class, sanction.commentId());
        String summary;
        String text;
        String detail;
        switch (sanction.kind()) {
            case STRIKE -> {
                summary = "you received a strike";
                text = "You received a strike for your comment" + (comment == null ? "" : " on “" + comment.article.headline + "”")
                        + " (" + lower(sanction.reason()) + "). You have " + sanction.activeStrikes() + " active strike"
                        + (sanction.activeStrikes() == 1 ? "" : "s") + "; this one expires on " + Texts.date(sanction.until()) + ".";
                detail = "What happens next: with " + rules.strikesToSuspend() + " active strikes an account is suspended for "
                        + rules.suspensionDays() + " days; with " + rules.strikesToDeregister() + " it is de-registered.";
            }
            case SUSPENSION -> {
                summary = "your account is suspended until " + Texts.dateTime(sanction.until());
                text = "Your account is suspended until " + Texts.dateTime(sanction.until()) + ". Reason: " + sanction.reason() + ".";
                detail = "What this means: you can still log in, read and download your data, but you cannot comment, vote or"
                        + " report until then. With " + rules.strikesToDeregister() + " active strikes an account is de-registered.";
            }
            case DEREGISTRATION -> {
                summary = "your account has been de-registered";
                text = "Your account has been de-registered under the comment policy. Reason: " + sanction.reason() + ".";
                detail = "What this means: you can still log in to read, download your data or delete your account, but no"
                        + " longer take part, and this username and email address cannot sign up again.";
            }
            default -> {
                summary = "your account has been reinstated";
                text = "Your account has been reinstated: you can comment, vote and report again. Reason: " + sanction.reason() + ".";
                detail = null;
            }
        }
        notice(user.id, Notice.Kind.SANCTION, null, comment == null ? null : comment.id, text);
        StringBuilder mail = new StringBuilder(text);
        if (comment != null) {
            mail.append("\n\nThe comment:\n> ").append(excerpt(comment.body, 600)).append("\n").append(permalink(comment));
        }
        if (detail != null) {
            mail.append("\n\n").append(detail);
        }
        emails.decisionPart(user, EmailKind.MODERATION, new Emails.Part(summary, mail.toString(), sanction.kind().changesAccess()));
    }

    /** The outcome of an appeal: the user must learn it, so it is always emailed (DSA Art. 20). */
    void onAppealDecided(@Observes(during = TransactionPhase.IN_PROGRESS) AppealDecided appeal) {
        User user = em.find(User.class, appeal.userId());
        if (user == null || user.status == UserStatus.DELETED) {
            return;
        }
        String text = "A moderator decided your appeal against the " + appeal.sanction() + ": "
                + (appeal.reversed() ? "the decision was reversed." : "the decision stands.")
                + (appeal.reason() == null || appeal.reason().isBlank() ? "" : " Reason: " + appeal.reason() + ".");
        notice(user.id, Notice.Kind.APPEAL, null, null, text);
        emails.decisionPart(user, EmailKind.MODERATION, new Emails.Part(
                appeal.reversed() ? "your appeal was successful" : "your appeal was not successful", text, true));
    }

    void onReportResolved(@Observes(during = TransactionPhase.IN_PROGRESS) ReportResolved resolved) {
        Comment c = em.find(Comment.class, resolved.commentId());
        String text = resolved.removed()
                ? "The comment you reported on “" + c.article.headline + "” has been removed. Thank you for reporting it."
                : "A moderator reviewed the comment you reported on “" + c.article.headline
                        + "” and left it up: it does not break the comment policy.";
        for (Long reporterId : resolved.reporterIds()) {
            User reporter = em.find(User.class, reporterId);
            if (reporter == null || reporter.status == UserStatus.DELETED || reporterId.equals(c.author.id)) {
                continue;
            }
            notice(reporterId, Notice.Kind.REPORT_OUTCOME, null, c.id, text);
            emails.decisionPart(reporter, EmailKind.REPORTS, new Emails.Part(
                    resolved.removed() ? "a comment you reported was removed" : "a comment you reported was left up",
                    text + "\n\n" + permalink(c), false));
        }
    }

    void onAccountDeleted(@Observes(during = TransactionPhase.IN_PROGRESS) AccountDeleted deleted) {
        em.createQuery("delete from Notice where userId = ?1").setParameter(1, deleted.userId()).executeUpdate();
        em.createNativeQuery("delete from mail_outbox where user_id = ?1 and status in ('PENDING', 'FAILED')")
                .setParameter(1, deleted.userId()).executeUpdate();
    }

    /**
     * Replies and mentions of a visible comment, each person told once (a reply outranks a mention), except people
     * who muted its author. Moderation notices never pass here, so no mute silences them.
     */
    private void newComment(Comment c, Long parentAuthorId, Collection<String> mentioned) {
        if (c == null || c.status != CommentStatus.VISIBLE
                || Notice.count("commentId = ?1 and kind in ?2", c.id, List.of(Notice.Kind.REPLY, Notice.Kind.MENTION)) > 0) {
            return;
        }
        User actor = c.author;
        String on = " on “" + c.article.headline + "”";
        Set<Long> told = new HashSet<>();
        told.add(actor.id);
        if (parentAuthorId != null && told.add(parentAuthorId)) {
            User parent = em.find(User.class, parentAuthorId);
            if (reachable(parent) && !mutes.isMuted(parent.id, actor.id)) {
                notice(parent.id, Notice.Kind.REPLY, actor.id, c.id, "replied to your comment" + on + ".");
                emails.batched(parent, EmailKind.REPLIES, actor.displayName, item(actor, "replied to your comment" + on, c));
            }
        }
        mentioned.stream().limit(MAX_MENTIONS).forEach(name -> User.findByUsername(name)
                .filter(u -> u.status == UserStatus.ACTIVE && !u.unclaimed && told.add(u.id) && !mutes.isMuted(u.id, actor.id))
                .ifPresent(u -> {
                    notice(u.id, Notice.Kind.MENTION, actor.id, c.id, "mentioned you in a comment" + on + ".");
                    emails.batched(u, EmailKind.MENTIONS, actor.displayName, item(actor, "mentioned you in a comment" + on, c));
                }));
    }

    private void toAuthor(User author, long moderatorId, Comment c, String text, Emails.Part part) {
        if (author.id == moderatorId || !reachable(author)) {
            return;
        }
        notice(author.id, Notice.Kind.DECISION, null, c.id, text);
        emails.decisionPart(author, EmailKind.MODERATION, part);
    }

    private void notice(long userId, Notice.Kind kind, Long actorId, Long commentId, String text) {
        Notice n = new Notice();
        n.userId = userId;
        n.kind = kind;
        n.actorId = actorId;
        n.commentId = commentId;
        n.text = text.length() > 1000 ? text.substring(0, 999) + "…" : text;
        n.createdAt = Instant.now();
        n.persist();
    }

    private String item(User actor, String what, Comment c) {
        return actor.displayName + " (@" + actor.username + ") " + what + ":\n> " + excerpt(c.body, 400) + "\n"
                + permalink(c);
    }

    private String permalink(Comment c) {
        return config.baseUrl() + "/comments/" + c.id;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase();
    }

    static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /** Deleted accounts and imported commenters nobody has claimed yet are told nothing. */
    private static boolean reachable(User user) {
        return user != null && user.status != UserStatus.DELETED && !user.unclaimed;
    }
}
