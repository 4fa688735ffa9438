package io.tribune.moderation;

/** An email to a user about a moderation decision, sent only once the decision is committed. */
public record ModerationNotice(String to, String subject, String text) {
}
