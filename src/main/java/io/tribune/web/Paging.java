package io.tribune.web;

import jakarta.ws.rs.BadRequestException;

/** Parses the {@code ?page=} parameter: missing means 1, anything but a positive number is a 400. */
public final class Paging {

    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    public static int page(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.trim());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // fall through to the 400 below
        }
        throw new BadRequestException("The page number must be a whole number from 1 to " + MAX_PAGE + ".");
    }
}
