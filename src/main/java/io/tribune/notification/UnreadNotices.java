package io.tribune.notification;

import io.tribune.account.CurrentUser;
import io.tribune.config.NotificationConfig;
import io.tribune.web.DatabaseGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The header's unread count, {@code {inject:notices.unread}}: read at most once per request, only when shown. */
@Named("notices")
@RequestScoped
public class UnreadNotices {

    private final CurrentUser currentUser;
    private final NoticeService notices;
    private final DatabaseGate gate;
    private final int pollSeconds;
    private Long unread;

    UnreadNotices(CurrentUser currentUser, NoticeService notices, DatabaseGate gate, NotificationConfig config) {
        this.pollSeconds = config.notifications().pollSeconds();
        this.currentUser = currentUser;
        this.notices = notices;
        this.gate = gate;
    }

    public int pollSeconds() {
        return pollSeconds;
    }

    public long unread() {
        if (unread == null) {
            unread = 0L;
            if (gate.isOpen()) { // the 503 page shows no count
                try {
                    unread = currentUser.id().map(notices::unread).orElse(0L);
                } catch (RuntimeException e) { // an error page must render even when the database is down
                    gate.failed(e);
                }
            }
        }
        return unread;
    }
}
