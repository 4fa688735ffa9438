package io.tribune.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why a reader reports a comment, and why a moderator removes one. */
public enum ReportReason {
    ABUSIVE("abusive", "Abusive", true),
    DEFAMATORY("defamatory", "Defamatory", true),
    SPAM("spam", "Spam or advertising", false),
    OFF_TOPIC("off-topic", "Off-topic", false),
    ILLEGAL("illegal", "Illegal content", true),
    OTHER("other", "Other", false);

    public final String code;
    public final String label;
    /** Removal for this reason gives the author a strike. */
    public final boolean strike;

    ReportReason(String code, String label, boolean strike) {
        this.code = code;
        this.label = label;
        this.strike = strike;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Accepts the code ({@code off-topic}) or the constant name ({@code OFF_TOPIC}), any case. */
    public static Optional<ReportReason> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        return Arrays.stream(values()).filter(r -> r.code.equalsIgnoreCase(s) || r.name().equalsIgnoreCase(s)).findFirst();
    }
}
