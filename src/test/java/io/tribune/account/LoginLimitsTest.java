package io.tribune.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.tribune.account.session.DeviceCookies;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Issue 19: nobody can lock an account out. Failures count per account and address, per address, and per account
 * (higher); a browser that logged in to the account before (its device cookie) is counted on its own. Counts older
 * than the test window (4 s) are written directly where a test needs them, as earlier failures would have.
 */
@QuarkusTest
class LoginLimitsTest {

    static final String ATTACKER = "203.0.113.66";
    static final String OWNER = "198.51.100.20";

    @Inject
    Login login;

    @Inject
    EntityManager em;

    @Test
    void failuresFromOneAddressLimitThatAddressButTheOwnerGetsInFromAnother() {
        String name = Fixtures.unique("lock");
        long id = Sessions.verifiedUser(name, Sessions.PASSWORD).id;
        count("login-account-ip:" + id + ":" + ATTACKER, 4);
        assertInstanceOf(Login.Failed.class, login.attempt(name, "guess 5", ATTACKER, Optional.empty()));
        // the attacker's address has used its five tries on this account, even with the right password
        assertInstanceOf(Login.Limited.class, login.attempt(name, "guess 6", ATTACKER, Optional.empty()));
        assertInstanceOf(Login.Limited.class, login.attempt(name, Sessions.PASSWORD, ATTACKER, Optional.empty()));
        // the owner, elsewhere, is not locked out
        assertInstanceOf(Login.Success.class, login.attempt(name, Sessions.PASSWORD, OWNER, Optional.empty()));
    }

    @Test
    void oneAddressTryingManyAccountsIsLimited() {
        String name = Fixtures.unique("spray");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        String address = "203.0.113.77";
        count("login-ip:" + address, 19);
        assertInstanceOf(Login.Failed.class, login.attempt(Fixtures.unique("nobody"), "guess", address, Optional.empty()));
        assertInstanceOf(Login.Limited.class, login.attempt(name, Sessions.PASSWORD, address, Optional.empty()));
        assertInstanceOf(Login.Success.class, login.attempt(name, Sessions.PASSWORD, OWNER, Optional.empty()));
    }

    @Test
    void failuresSpreadOverManyAddressesStopTheAccountButNotABrowserThatLoggedInBefore() {
        String name = Fixtures.unique("spread");
        long id = Sessions.verifiedUser(name, Sessions.PASSWORD).id;
        Response first = login(name, Sessions.PASSWORD, null);
        assertEquals(303, first.statusCode());
        Cookie device = first.getDetailedCookie(DeviceCookies.NAME);
        assertNotNull(device, "a successful log-in sets the device cookie");
        assertTrue(device.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", device.getSameSite());
        assertEquals("/login", device.getPath());

        count("login-account:" + id, 30); // 30 failures for this account from addresses all over the world
        Response stranger = login(name, Sessions.PASSWORD, null);
        assertEquals(429, stranger.statusCode(), "without the device cookie the account-wide limit holds");
        assertNull(stranger.getCookie(Sessions.SESSION_COOKIE));
        assertInstanceOf(Login.Limited.class, login.attempt(name, Sessions.PASSWORD, OWNER, Optional.empty()));

        // the owner's browser, which logged in before, gets in
        Response owner = login(name, Sessions.PASSWORD, device.getValue());
        assertEquals(303, owner.statusCode(), owner.asString());
        assertNotNull(owner.getCookie(Sessions.SESSION_COOKIE));

        // a forged or altered device cookie is worth nothing
        String value = device.getValue();
        String altered = (Long.parseLong(value.substring(0, value.indexOf('.'))) + 1) + value.substring(value.indexOf('.'));
        assertEquals(429, login(name, Sessions.PASSWORD, altered).statusCode());
        assertEquals(429, login(name, Sessions.PASSWORD, value.substring(0, value.length() - 2) + "xx").statusCode());
    }

    @Test
    void aDeviceCookieCountsOnlyForItsOwnAccountAndOnlyAfterASuccess() {
        String attacker = Fixtures.unique("own");
        String victim = Fixtures.unique("victim");
        Sessions.verifiedUser(attacker, Sessions.PASSWORD);
        long victimId = Sessions.verifiedUser(victim, Sessions.PASSWORD).id;
        Response failed = login(attacker, "not my password", null);
        assertEquals(401, failed.statusCode());
        assertNull(failed.getCookie(DeviceCookies.NAME), "a failed log-in sets no device cookie");
        String attackersDevice = login(attacker, Sessions.PASSWORD, null).getCookie(DeviceCookies.NAME);
        assertNotNull(attackersDevice);
        count("login-account:" + victimId, 30);
        assertEquals(429, login(victim, Sessions.PASSWORD, attackersDevice).statusCode(),
                "the attacker's own device cookie does not open the victim's account-wide limit");
    }

    @Test
    void aFailureIsCountedForTheAccountAndAddressTheAddressAndTheAccount() {
        String name = Fixtures.unique("counted");
        long id = Sessions.verifiedUser(name, Sessions.PASSWORD).id;
        String address = "203.0.113.88";
        assertInstanceOf(Login.Failed.class, login.attempt(name, "guess", address, Optional.empty()));
        assertEquals(1, events("login-account-ip:" + id + ":" + address));
        assertEquals(1, events("login-ip:" + address));
        assertEquals(1, events("login-account:" + id));
        // a success clears the pair's count, not the account-wide one an attacker elsewhere may have run up
        assertInstanceOf(Login.Success.class, login.attempt(name, Sessions.PASSWORD, address, Optional.empty()));
        assertEquals(0, events("login-account-ip:" + id + ":" + address));
        assertEquals(1, events("login-account:" + id));
        assertFalse(events("login-ip:" + address) == 0, "the address's count stays");
    }

    private static Response login(String name, String password, String deviceCookie) {
        Sessions.Csrf csrf = Sessions.csrf("/login");
        var request = csrf.form();
        if (deviceCookie != null) {
            request = request.cookie(DeviceCookies.NAME, deviceCookie);
        }
        Response r = request.formParam("login", name).formParam("password", password).post("/login");
        if (r.statusCode() == 429) {
            r.then().body(containsString("Too many failed log-in attempts"));
        }
        return r;
    }

    private void count(String bucket, int failures) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into rate_limit_event (bucket) select ?1 from generate_series(1, ?2)")
                .setParameter(1, bucket).setParameter(2, failures).executeUpdate());
    }

    private long events(String bucket) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from rate_limit_event where bucket = ?1").setParameter(1, bucket).getSingleResult())
                .longValue());
    }
}
