package io.tribune.moderation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Records the AppealDecided events that reached an after-commit observer, as notifications will observe them. */
@ApplicationScoped
public class AppealEvents {

    private final List<AppealDecided> received = new CopyOnWriteArrayList<>();

    /** A method, not the field: the test holds a client proxy, whose own fields stay empty. */
    List<AppealDecided> received() {
        return received;
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppealDecided event) {
        received.add(event);
    }
}
