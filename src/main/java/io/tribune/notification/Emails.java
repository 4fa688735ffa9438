package io.tribune.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tribune.account.User;
import io.tribune.config.TribuneConfig;
import io.tribune.notification.outbox.MailOutbox;
import io.tribune.notification.outbox.OutboxMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Composes notice emails. Moderation emails are one per decision: everything one transaction does to a user (a
 * removal, the strike it gives, the suspension the strike brings) goes into one email, rewritten as each part
 * arrives. Replies and mentions are batched by the outbox over {@code tribune.notifications.batch-window}.
 */
@ApplicationScoped
class Emails {

    /** One thing a decision did, for the subject ({@code summary}) and the body ({@code text}). */
    record Part(String summary, String text, boolean alwaysSent) {
    }

    /** The email one transaction is writing to one user about one kind of thing. */
    private static final class Composition {
        final List<Part> parts = new ArrayList<>();
        boolean alwaysSent;
        OutboxMail mail;
    }

    private final MailOutbox outbox;
    private final UnsubscribeTokens tokens;
    private final TransactionSynchronizationRegistry transactions;
    private final TribuneConfig config;
    private final io.tribune.config.NotificationConfig.Notifications settings;

    Emails(MailOutbox outbox, UnsubscribeTokens tokens, TransactionSynchronizationRegistry transactions,
            TribuneConfig config, io.tribune.config.NotificationConfig notificationConfig) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.transactions = transactions;
        this.config = config;
        this.settings = notificationConfig.notifications();
    }

    /** Adds a part to this transaction's email of this kind to {@code user}; written once it is chosen or must be sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    void decisionPart(User user, EmailKind kind, Part part) {
        if (user.email == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Composition> open = (Map<String, Composition>) transactions.getResource(Emails.class);
        if (open == null) {
            open = new HashMap<>();
            transactions.putResource(Emails.class, open);
        }
        Composition c = open.computeIfAbsent(user.id + ":" + kind, k -> new Composition());
        c.parts.add(part);
        c.alwaysSent |= part.alwaysSent();
        if (!c.alwaysSent && !kind.chosenBy(user)) {
            return;
        }
        String subject = "Tribune: " + String.join("; ", c.parts.stream().map(Part::summary).toList());
        if (subject.length() > 300) {
            subject = subject.substring(0, 299) + "…";
        }
        StringBuilder body = new StringBuilder(greeting(user));
        for (Part p : c.parts) {
            body.append(p.text()).append("\n\n");
        }
        if (kind == EmailKind.MODERATION) {
            body.append("Your moderation history: ").append(config.baseUrl()).append("/settings/moderation\n")
                    .append("The comment policy: ").append(config.baseUrl()).append("/policy\n")
                    .append("How to appeal: open your moderation history (link above) and ask for a review of the decision,"
                            + " saying why you think it was wrong. A different moderator looks at it.\n");
        }
        body.append(footer(user, kind, c.alwaysSent));
        if (c.mail == null) {
            c.mail = outbox.add(new MailOutbox.Draft(user.email, user.id, kind.name(), subject, body.toString(),
                    unsubscribeUrl(user, kind)));
        } else {
            outbox.rewrite(c.mail, subject, body.toString());
        }
    }

    /** A reply or a mention, if the user chose these emails: joined to their open batch, or opening one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void batched(User user, EmailKind kind, String actorName, String item) {
        if (user.email == null || !kind.chosenBy(user)) {
            return;
        }
        String first = kind == EmailKind.REPLIES ? actorName + " replied to your comment" : actorName + " mentioned you";
        String many = kind == EmailKind.REPLIES ? "new replies to your comments" : "new mentions of you";
        String body = greeting(user) + item + footer(user, kind, false);
        outbox.addToBatch(new MailOutbox.Draft(user.email, user.id, kind.name(), null, body, unsubscribeUrl(user, kind)),
                item, settings.batchWindow(), n -> "Tribune: " + (n == 1 ? first : n + " " + many));
    }

    private static String greeting(User user) {
        return "Hello " + user.displayName + ",\n\n";
    }

    private String footer(User user, EmailKind kind, boolean alwaysSent) {
        String settingsUrl = config.baseUrl() + "/settings#notifications";
        String why = alwaysSent && !kind.chosenBy(user)
                ? "This email is always sent, because it changes what your account may do."
                : "You receive this because you chose emails about " + kind.about + ".";
        return MailOutbox.FOOTER + why + "\nStop emails about " + kind.about + " (one click, no log-in): "
                + unsubscribeUrl(user, kind) + "\nAll your choices: " + settingsUrl + "\n";
    }

    String unsubscribeUrl(User user, EmailKind kind) {
        return config.baseUrl() + "/unsubscribe?token=" + tokens.issue(user.id, kind);
    }
}
