package io.tribune.account;

import io.tribune.web.DatabaseGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The banner a suspended or de-registered user sees on every page: what they cannot do, until when, and on what
 * ground ({@code {inject:standing.banner}}). Readers without an account cost nothing: no query.
 */
@Named("standing")
@RequestScoped
public class Standing {

    private final CurrentUser current;
    private final DatabaseGate databaseGate;
    private String banner;
    private boolean read;

    Standing(CurrentUser current, DatabaseGate databaseGate) {
        this.current = current;
        this.databaseGate = databaseGate;
    }

    public String banner() {
        if (!read) {
            read = true;
            if (current.isLoggedIn() && databaseGate.isOpen()) {
                try {
                    banner = current.get().filter(User::isSanctioned).flatMap(User::participationBlock).orElse(null);
                } catch (RuntimeException e) { // an error page must render even when the database is down
                    banner = null;
                }
            }
        }
        return banner;
    }
}
