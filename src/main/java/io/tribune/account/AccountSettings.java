package io.tribune.account;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.tribune.config.TribuneConfig;
import io.tribune.vote.Vote;
import io.tribune.web.FormState;
import io.tribune.web.TimeExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What a user changes about their own account; each method is one transaction. */
@ApplicationScoped
public class AccountSettings {

    private final Passwords passwords;
    private final Tokens tokens;
    private final UserComments comments;
    private final TribuneConfig config;
    private final AccountMail mail;
    private final jakarta.enterprise.event.Event<AccountDeleted> deleted;

    private final jakarta.enterprise.inject.Instance<PersonalData> personalData;

    AccountSettings(Passwords passwords, Tokens tokens, UserComments comments, TribuneConfig config,
            jakarta.enterprise.inject.Instance<PersonalData> personalData, AccountMail mail,
            jakarta.enterprise.event.Event<AccountDeleted> deleted) {
        this.mail = mail;
        this.deleted = deleted;
        this.passwords = passwords;
        this.tokens = tokens;
        this.comments = comments;
        this.config = config;
        this.personalData = personalData;
    }

    @Transactional
    public User user(long userId) {
        return User.findById(userId);
    }

    /** The new address waiting for confirmation, if any. */
    @Transactional
    public Optional<String> pendingEmail(long userId) {
        User user = User.findById(userId);
        return AccountToken.<AccountToken>find("user.id = ?1 and purpose = ?2 and usedAt is null and expiresAt > ?3",
                userId, AccountToken.Purpose.VERIFY_EMAIL, java.time.Instant.now()).stream()
                .map(t -> t.email).filter(e -> e != null && !e.equalsIgnoreCase(user.email)).findFirst();
    }

    /** Changes the public display name and bio; refused (form message, nothing written) for the accounts {@link User#profileChangeBlock()} names. */
    @Transactional
    public void updateProfile(long userId, String displayName, String bio, FormState form) {
        Optional<String> block = User.<User>findByIdOptional(userId).flatMap(User::profileChangeBlock);
        if (block.isPresent()) {
            form.message(block.get());
            return;
        }
        String name = AccountRules.trim(displayName);
        String about = AccountRules.trim(bio);
        AccountRules.displayNameProblem(name).ifPresent(p -> form.error("displayName", p));
        if (about.length() > 500) {
            form.error("bio", "Use at most 500 characters.");
        }
        // PostgreSQL cannot store a NUL character: refused here rather than failing the commit
        if (name.indexOf('\0') >= 0) {
            form.error("displayName", "The name contains a character that is not allowed.");
        }
        if (about.indexOf('\0') >= 0) {
            form.error("bio", "The text contains a character that is not allowed.");
        }
        if (form.hasErrors()) {
            return;
        }
        User user = User.findById(userId);
        if (!name.equals(user.displayName)) {
            io.tribune.article.Article.threadsChangedForAuthor(user.id);
        }
        user.displayName = name;
        user.bio = about.isEmpty() ? null : about;
    }

    /** Sends a confirmation link to the new address; the address changes only when it is confirmed. */
    @Transactional
    public Optional<Registration.Issued> requestEmailChange(long userId, String newEmail, String password, FormState form) {
        User user = User.findById(userId);
        String email = AccountRules.trim(newEmail);
        AccountRules.emailProblem(email).ifPresent(p -> form.error("email", p));
        if (!form.hasError("email") && email.equalsIgnoreCase(user.email)) {
            form.error("email", "This is already your email address.");
        }
        if (!form.hasError("email") && User.findByEmail(email).isPresent()) {
            form.error("email", "An account with this email address already exists.");
        }
        if (!passwords.matches(user, password)) {
            form.error("emailPassword", "That is not your current password.");
        }
        if (form.hasErrors()) {
            return Optional.empty();
        }
        String token = tokens.issue(user, AccountToken.Purpose.VERIFY_EMAIL, email, config.accounts().verificationValidity());
        mail.verification(email, user.username, token);
        return Optional.of(new Registration.Issued(email, user.username, token));
    }

    /** Changes the password and ends every session; returns the user (with the new generation) on success. */
    @Transactional
    public Optional<User> changePassword(long userId, String current, String next, FormState form) {
        User user = User.findById(userId);
        if (!passwords.matches(user, current)) {
            form.error("currentPassword", "That is not your current password.");
        }
        passwords.problem(next, user.username, user.email).ifPresent(p -> form.error("newPassword", p));
        if (form.hasErrors()) {
            return Optional.empty();
        }
        user.passwordHash = passwords.hash(next);
        user.sessionGeneration++;
        return Optional.of(user);
    }

    /** The notification choices of the settings page (emails, and the in-site up-vote notice). */
    public record NotificationChoices(boolean replies, boolean mentions, boolean moderation, boolean reports,
            boolean upvotes) {
    }

    @Transactional
    public void notifications(long userId, NotificationChoices choices) {
        User user = User.findById(userId);
        user.notifyReplies = choices.replies();
        user.notifyMentions = choices.mentions();
        user.notifyModeration = choices.moderation();
        user.notifyReports = choices.reports();
        user.notifyUpvotes = choices.upvotes();
    }

    /** Sets the reader's time zone: an IANA region name, or blank for the site's. */
    @Transactional
    public void timeZone(long userId, String zone, FormState form) {
        String name = zone == null ? "" : zone.strip();
        if (!name.isEmpty() && !TimeExtensions.isRegion(name)) {
            form.error("timeZone", "Choose a time zone from the list, such as Pacific/Auckland or Europe/London.");
            return;
        }
        User user = User.findById(userId);
        user.timeZone = name.isEmpty() ? null : name;
    }

    @Transactional
    public AccountExport export(long userId) {
        User u = User.findById(userId);
        var profile = new AccountExport.Profile(u.username, u.displayName, u.email, u.bio, u.createdAt, u.emailVerifiedAt,
                Arrays.stream(u.roles.split(",")).map(String::trim).toList(), u.status.name(), u.notifyReplies,
                u.notifyModeration, u.notifyMentions, u.notifyReports, u.notifyUpvotes);
        List<AccountExport.CommentData> written = comments.export(userId);
        List<AccountExport.VoteData> votes = Vote.<Vote>find("key.userId = ?1 order by createdAt", userId).stream()
                .map(v -> new AccountExport.VoteData(v.key.commentId(), v.createdAt)).toList();
        List<Object> reports = new java.util.ArrayList<>();
        List<Object> moderation = new java.util.ArrayList<>();
        List<Object> notices = new java.util.ArrayList<>();
        List<Object> muted = new java.util.ArrayList<>();
        personalData.forEach(source -> {
            reports.addAll(source.reportsMadeBy(userId));
            moderation.addAll(source.moderationHistoryOf(userId));
            notices.addAll(source.noticesFor(userId));
            muted.addAll(source.mutesOf(userId));
        });
        return new AccountExport(profile, written, votes, reports, moderation, notices, muted);
    }

    /**
     * Deletes the account: personal data is removed (email, names, bio, password), the username is freed
     * ("deleted-<id>"), every session ends. The user's comments either stay, shown as by "[deleted user]", or
     * are removed too (status DELETED, text erased). Votes stay, anonymous. Returns false on a wrong password.
     */
    @Transactional
    public boolean delete(long userId, String password, boolean removeComments) {
        User user = User.findById(userId);
        if (user == null || user.status == UserStatus.DELETED || !passwords.matches(user, password)) {
            return false;
        }
        if (removeComments) {
            comments.deleteAll(userId);
        }
        tokens.revokeAll(user);
        user.username = "deleted-" + user.id;
        user.email = null;
        user.displayName = "[deleted user]";
        io.tribune.article.Article.threadsChangedForAuthor(user.id);
        user.bio = null;
        user.passwordHash = null;
        user.emailVerifiedAt = null;
        user.status = UserStatus.DELETED;
        user.roles = "commenter";
        user.notifyReplies = false;
        user.notifyModeration = false;
        user.notifyMentions = false;
        user.notifyReports = false;
        user.notifyUpvotes = false;
        user.sessionGeneration++;
        deleted.fire(new AccountDeleted(user.id));
        return true;
    }
}
