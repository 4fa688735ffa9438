package io.tribune.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import io.quarkus.scheduler.Scheduler;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Shared setup of the bad-input suite: the scheduler is paused (a scheduled article published mid-test would look
 * like a write), each test collects its findings in an {@link Attack} and fails at the end with all of them,
 * including every ERROR (or stack trace) logged while it ran ({@link ErrorLog}).
 */
abstract class BadInputSupport {

    /** The demo accounts of the test profile, logged in once per run (bcrypt makes log-ins slow). */
    static final String MODERATOR = "moddy";
    static final String EDITOR = "eddie";
    static final String ADMIN = "chief";
    static final String DEMO_PASSWORD = "demo-password-for-tests";
    static final String ADMIN_PASSWORD = "chief-password-for-tests";

    private static final Map<String, Sessions.Session> SESSIONS = new ConcurrentHashMap<>();

    @Inject
    TableDigests digests;
    @Inject
    Fixtures fixtures;
    @Inject
    Scheduler scheduler;

    Attack attack;
    ErrorLog errorLog;
    final BadInput bad = new BadInput(getClass());

    @BeforeEach
    void startAttack(TestInfo test) {
        scheduler.pause();
        attack = new Attack(digests, getClass().getSimpleName() + "." + test.getDisplayName());
        errorLog = ErrorLog.install();
    }

    @AfterEach
    void reportFindings() {
        scheduler.resume();
        attack.logged(errorLog.remove());
        attack.verify();
    }

    static Sessions.Session session(String username) {
        return SESSIONS.computeIfAbsent(username, u -> Sessions.login(u, ADMIN.equals(u) ? ADMIN_PASSWORD : DEMO_PASSWORD));
    }

    /** A verified commenter of this test class, logged in once. */
    Sessions.Session commenter() {
        return SESSIONS.computeIfAbsent("commenter:" + getClass().getSimpleName(),
                k -> Sessions.newUser("fuzz" + Integer.toHexString(getClass().getSimpleName().hashCode()).substring(0, 4)));
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().redirects().follow(false);
    }

    /** A request whose path and query are sent exactly as written (already percent-encoded, maybe invalidly). */
    static RequestSpecification raw(RequestSpecification spec) {
        return spec.urlEncodingEnabled(false);
    }

    /** A form POST from a logged-in session: its cookies, the valid CSRF field plus the given fields. */
    static Response postForm(Sessions.Session s, String path, Map<String, ?> fields) {
        return s.form().formParams(fields).post(path);
    }

    /**
     * A form body written by hand (name=value pairs already percent-encoded), e.g. with duplicated or invalidly
     * encoded parameters; the session's CSRF field is prepended.
     */
    static Response postRawForm(Sessions.Session s, String path, String encodedBody) {
        String body = "csrf-token=" + s.csrfToken() + (encodedBody.isEmpty() ? "" : "&" + encodedBody);
        return s.given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body).post(path);
    }

    /** Raw bytes as the body, sent as they are whatever the content type (REST Assured would re-encode a form). */
    static Response postBytes(RequestSpecification spec, String path, String contentType, byte[] body) {
        return spec.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs(contentType.split(";")[0], ContentType.BINARY)))
                .contentType(contentType).body(body).post(path);
    }

    /** The i-th element, going round: spreads a list of bad values over routes without a full cross product. */
    static <T> T pick(java.util.List<T> list, int i) {
        return list.get(Math.floorMod(i, list.size()));
    }

    /** The JSON API as a logged-in session: cookies, CSRF header and {@code application/json}. */
    static RequestSpecification json(Sessions.Session s) {
        return s.given().header("X-CSRF-TOKEN", s.csrfToken()).contentType(ContentType.JSON);
    }

    static String who(Sessions.Session s) {
        return s == null ? "anonymous" : s.username();
    }
}
