package io.tribune.moderation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Records the AppealDecided events that reached an after-commit observer, as notifications will observe them. */
@ApplicationScoped
public class AppealEvents {

    final List<AppealDecided> received = new CopyOnWriteArrayList<>();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) AppealDecided event) {
        received.add(event);
    }
}
