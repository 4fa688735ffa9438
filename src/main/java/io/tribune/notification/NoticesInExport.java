package io.tribune.notification;

import java.time.Instant;
import java.util.List;

import io.tribune.account.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;

/** The user's notices, for their "Download my data" file (their email choices are in the profile part). */
@ApplicationScoped
class NoticesInExport implements PersonalData {

    public record NoticeData(String kind, String text, Long commentId, Instant createdAt, Instant readAt) {
    }

    @Override
    public List<?> noticesFor(long userId) {
        return Notice.<Notice>find("userId = ?1 order by createdAt, id", userId).stream()
                .map(n -> new NoticeData(n.kind.name(), n.text, n.commentId, n.createdAt, n.readAt)).toList();
    }
}
