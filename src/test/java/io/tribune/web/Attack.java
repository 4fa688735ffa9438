package io.tribune.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.restassured.response.Response;

/**
 * Sends bad requests and collects every broken promise instead of stopping at the first, so one run shows them all:
 * a 5xx, a status outside the expected refusals, an error that is not the site's page (HTML) or the API's JSON
 * error, and any table changed by requests that were refused or only read. Table fingerprints are taken around
 * each batch of such requests (one per endpoint, see {@link #batch}); {@link #verify()} fails the test with the list.
 */
final class Attack {

    /** Every page of the site has the header's brand link; a bare container error page does not. */
    static final String SITE_PAGE_MARK = "class=\"brand\"";

    /**
     * Refused by the HTTP server before any application code runs: a URL over
     * {@code quarkus.http.limits.max-initial-line-length} (414), headers over their limit (431), a body over
     * {@code tribune.http.max-body-size} (413, answered from the Content-Length alone; 411 for a chunked non-multipart body). A bare status is all
     * that can be sent there.
     */
    static final java.util.Set<Integer> PROTOCOL_REFUSALS = java.util.Set.of(411, 413, 414, 431);

    private final TableDigests digests;
    private final String name;
    private final List<String> problems = new ArrayList<>();
    private int sent;
    private long digestNanos;
    private long requestNanos;

    private String batchName;
    private TableDigests.Snapshot batchStart;
    private final List<String> batchRequests = new ArrayList<>();

    Attack(TableDigests digests, String name) {
        this.digests = digests;
        this.name = name;
    }

    /**
     * Starts a batch of requests that must write nothing (a refused or read-only request each): the tables are
     * fingerprinted now and again when the next batch starts or the test ends.
     */
    Attack batch(String name) {
        closeBatch();
        batchName = name;
        batchStart = snapshot();
        return this;
    }

    /**
     * A request that must be refused: one of {@code allowed} (all 4xx), or for the moderators' forms a redirect
     * carrying {@code error=} (their post/redirect/get way of showing a refusal); and it must write nothing.
     */
    Response refused(String label, Supplier<Response> request, int... allowed) {
        String what = shorten(label);
        Response r = send(what, request);
        if (r == null) {
            return null;
        }
        int status = r.statusCode();
        String location = String.valueOf(r.header("Location"));
        // the moderators' forms show a refusal after a redirect; pages behind a login send anonymous visitors there
        boolean errorRedirect = status == 303 && location.contains("error=")
                || (status == 302 || status == 303) && location.matches("(https?://[^/]+)?/login([?].*)?");
        if (status >= 500) {
            problem(what, r, "server error");
        } else if (!errorRedirect && Arrays.stream(allowed).noneMatch(s -> s == status)) {
            problem(what, r, "expected one of " + Arrays.toString(allowed));
        } else if (!errorRedirect) {
            checkErrorBody(what, r);
        }
        return r;
    }

    /** A read with odd parameters: any status but 5xx, an error in the site's form, and nothing written. */
    Response read(String label, Supplier<Response> request) {
        String what = shorten(label);
        Response r = send(what, request);
        if (r == null) {
            return null;
        }
        if (r.statusCode() >= 500) {
            problem(what, r, "server error");
        } else if (r.statusCode() >= 400) {
            checkErrorBody(what, r);
        }
        return r;
    }

    /**
     * Hostile content that a form may legitimately accept (free text is free): no 5xx, and if refused, nothing
     * written. Fingerprinted on its own, outside any batch.
     */
    Response tolerated(String label, Supplier<Response> request) {
        String what = shorten(label);
        closeBatch();
        TableDigests.Snapshot before = snapshot();
        Response r = send(what, request, false);
        if (r == null) {
            return null;
        }
        if (r.statusCode() >= 500) {
            problem(what, r, "server error");
        } else if (r.statusCode() >= 400) {
            checkErrorBody(what, r);
            List<String> changes = before.changesTo(snapshot());
            if (!changes.isEmpty()) {
                problems.add(what + ": refused with " + r.statusCode() + " but changed " + changes);
            }
        }
        return r;
    }

    /** Runs a fixture change (e.g. ageing comments past flood control) outside any batch of checked requests. */
    void outside(Runnable setup) {
        closeBatch();
        setup.run();
    }

    /** Log records at ERROR or with a stack trace, caught while the requests ran: client input must cause none. */
    void logged(List<String> errors) {
        for (String error : errors) {
            problems.add("logged during the attack: " + (error.length() > 500 ? error.substring(0, 500) + "..." : error));
        }
    }

    void verify() {
        closeBatch();
        System.out.printf("bad-input: %s: %d requests, %d ms in requests, %d ms fingerprinting tables%n", name, sent,
                requestNanos / 1_000_000, digestNanos / 1_000_000);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems in " + sent + " bad requests (seed " + BadInput.SEED + "):\n"
                    + String.join("\n", problems));
        }
    }

    private void closeBatch() {
        if (batchStart != null) {
            List<String> changes = batchStart.changesTo(snapshot());
            if (!changes.isEmpty()) {
                problems.add("batch '" + batchName + "' of refused/read-only requests changed " + changes + "; requests: "
                        + String.join(" | ", batchRequests));
            }
        }
        batchStart = null;
        batchRequests.clear();
    }

    private TableDigests.Snapshot snapshot() {
        long t = System.nanoTime();
        try {
            return digests.take();
        } finally {
            digestNanos += System.nanoTime() - t;
        }
    }

    static String shorten(String label) {
        return label.length() > 160 ? label.substring(0, 160) + "...(" + label.length() + " chars)" : label;
    }

    private Response send(String what, Supplier<Response> request) {
        return send(what, request, true);
    }

    private Response send(String what, Supplier<Response> request, boolean inBatch) {
        if (inBatch && batchStart == null) {
            batch(what);
        }
        sent++;
        long t = System.nanoTime();
        try {
            Response r = request.get();
            if (inBatch) {
                batchRequests.add(what + " -> " + r.statusCode());
            }
            return r;
        } catch (Exception e) { // Groovy lets checked I/O exceptions through undeclared
            problems.add(what + ": request failed: " + e);
            return null;
        } finally {
            requestNanos += System.nanoTime() - t;
        }
    }

    private void checkErrorBody(String what, Response r) {
        if (PROTOCOL_REFUSALS.contains(r.statusCode())) {
            return;
        }
        String type = String.valueOf(r.contentType());
        String body = r.asString();
        boolean json = type.startsWith("application/json") && body.contains("\"status\"") && body.contains("\"message\"");
        if (what.contains(" /api/")) {
            if (!json) {
                problem(what, r, "API error is not JSON {status, message}");
            }
        } else if (!(type.startsWith("text/html") && body.contains(SITE_PAGE_MARK))) {
            problem(what, r, "error is not the site's page");
        }
    }

    void problem(String what, Response r, String why) {
        String body = r.asString();
        problems.add(what + ": " + why + ", got " + r.statusCode() + " " + r.contentType() + " "
                + (body.length() > 200 ? body.substring(0, 200) + "..." : body).replaceAll("\\s+", " "));
    }
}
