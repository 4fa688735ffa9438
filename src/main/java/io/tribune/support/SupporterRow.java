package io.tribune.support;

import java.time.Instant;

/** A line of the admins' supporter list. */
public record SupporterRow(String username, Instant until, String source, boolean showBadge) {
}
