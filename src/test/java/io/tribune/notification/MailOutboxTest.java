package io.tribune.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tribune.account.User;
import io.tribune.notification.outbox.MailOutbox;
import io.tribune.notification.outbox.MailSender;
import io.tribune.notification.outbox.OutboxMail;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * The outbox against a real SMTP conversation: the mail server down (nothing listening), then up (a tiny SMTP
 * server started in the test). Nothing is lost, nothing is sent twice, two senders never send the same row.
 */
@QuarkusTest
@TestProfile(RealSmtpProfile.class)
class MailOutboxTest {

    @Inject
    MailSender sender;
    @Inject
    MailOutbox outbox;
    @Inject
    NotificationFixtures nf;

    @Test
    void anOutageLosesNothingAndSendsNothingTwice() throws Exception {
        // sign-up while the mail server is down: the account is created, the page says so, the email waits
        String name = Fixtures.unique("outage");
        String email = name + "@example.test";
        Sessions.csrf("/signup").form().formParam("username", name).formParam("email", email)
                .formParam("password", "a long enough password 42").formParam("acceptPolicy", "on")
                .post("/signup").then().statusCode(200).body(containsString(email));
        User created = nf.user(name);
        assertNotNull(created);
        List<OutboxMail> waiting = nf.outbox(email);
        assertEquals(1, waiting.size());
        assertEquals(OutboxMail.Status.PENDING, waiting.get(0).status);
        assertEquals(1, waiting.get(0).attempts, "tried once at commit");
        assertNotNull(waiting.get(0).lastError, "with the error kept");
        assertTrue(waiting.get(0).nextAttemptAt.isAfter(waiting.get(0).createdAt), "retried later (backoff)");

        // more mail while the server is still down; a pass of the sender fails again and keeps everything
        Sessions.csrf("/password/forgot").form().formParam("email", email).post("/password/forgot").then().statusCode(200);
        nf.batchesDue(email);
        assertEquals(0, sender.sendDue());
        assertEquals(2, nf.outbox(email).size());
        nf.outbox(email).forEach(m -> assertEquals(OutboxMail.Status.PENDING, m.status));
        assertTrue(nf.outbox(email).get(0).attempts >= 2);

        // the mail server comes back
        try (TinySmtpServer smtp = new TinySmtpServer(RealSmtpProfile.SMTP_PORT)) {
            nf.batchesDue(email);
            // this pass, or the periodic one if it got there first (each row is claimed by one sender only)
            sender.sendDue();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                    nf.outbox(email).forEach(m -> assertEquals(OutboxMail.Status.SENT, m.status)));
            List<TinySmtpServer.Message> got = smtp.messages().stream().filter(m -> m.recipients().contains(email)).toList();
            assertEquals(2, got.size(), "both emails arrived");
            // bodies may be quoted-printable: undo soft line breaks and =3D before looking for the links
            List<String> bodies = got.stream().map(m -> m.data().replace("=\r\n", "").replace("=3D", "=")).toList();
            assertTrue(bodies.stream().anyMatch(b -> b.contains("/verify?token=")), "the verification link");
            assertTrue(bodies.stream().anyMatch(b -> b.contains("/password/reset?token=")), "the reset link");

            // nothing is sent twice
            nf.batchesDue(email);
            assertEquals(0, sender.sendDue());
            assertEquals(2, smtp.messages().stream().filter(m -> m.recipients().contains(email)).count());
        }
    }

    @Test
    void afterTheGiveUpTimeAnEmailIsFailedAndAnAdminCanRetryIt() throws Exception {
        String to = Fixtures.unique("failing") + "@example.test";
        QuarkusTransaction.requiringNew().run(() -> outbox.add(new MailOutbox.Draft(to, null, "TEST", "Old news", "Body", null)));
        nf.sql("update mail_outbox set created_at = now() - interval '25 hours' where recipient = '" + to + "'");
        nf.batchesDue(to);
        sender.sendDue(); // the server is down
        OutboxMail failed = nf.outbox(to).get(0);
        assertEquals(OutboxMail.Status.FAILED, failed.status);
        assertNotNull(failed.lastError);

        Sessions.Session admin = Sessions.login("chief", "chief-password-for-tests");
        admin.given().get("/admin/mail?status=failed").then().statusCode(200)
                .body(containsString("Old news")).body(containsString(failed.lastError.substring(0, 20)))
                .body(containsString("action=\"/admin/mail/" + failed.id + "/retry\""));
        Sessions.Session nobody = Sessions.newUser("plain");
        nobody.given().get("/admin/mail").then().statusCode(403);
        nobody.form().post("/admin/mail/" + failed.id + "/retry").then().statusCode(403);
        admin.given().contentType("application/x-www-form-urlencoded").post("/admin/mail/" + failed.id + "/retry")
                .then().statusCode(400);
        assertEquals(OutboxMail.Status.FAILED, nf.outbox(to).get(0).status, "no CSRF token, no retry");

        admin.form().post("/admin/mail/" + failed.id + "/retry").then().statusCode(303);
        assertEquals(OutboxMail.Status.PENDING, nf.outbox(to).get(0).status);
        admin.form().post("/admin/mail/" + failed.id + "/retry").then().statusCode(404);
        try (TinySmtpServer smtp = new TinySmtpServer(RealSmtpProfile.SMTP_PORT)) {
            sender.sendDue();
            assertEquals(OutboxMail.Status.SENT, nf.outbox(to).get(0).status);
            assertEquals(1, smtp.messages().stream().filter(m -> m.recipients().contains(to)).count());
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tribune_mail_outbox_pending"))
                .body(containsString("tribune_mail_sent_total"))
                .body(containsString("tribune_mail_failed_total"));
    }

    @Test
    void twoSendersNeverSendTheSameRow() throws Exception {
        String tag = Fixtures.unique("race");
        int count = 120;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                outbox.add(new MailOutbox.Draft(tag + "-" + i + "@example.test", null, "TEST", tag + " #" + i, "Body " + i, null));
            }
        }); // the server is down: the attempt at commit fails for every row
        nf.sql("update mail_outbox set next_attempt_at = now() - interval '1 second' where subject like '" + tag + "%'");
        try (TinySmtpServer smtp = new TinySmtpServer(RealSmtpProfile.SMTP_PORT)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            Callable<Integer> pass = () -> {
                start.await();
                return sender.sendDue();
            };
            runs.add(pool.submit(pass));
            runs.add(pool.submit(pass));
            start.countDown();
            int sentByBoth = 0;
            for (Future<Integer> run : runs) {
                sentByBoth += run.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            // an attempt that failed on this busy machine (a timeout) is retried by a later pass, never duplicated
            for (int round = 0; round < 5 && pendingLike(tag) > 0; round++) {
                nf.sql("update mail_outbox set next_attempt_at = now() - interval '1 second' where subject like '" + tag + "%'"
                        + " and status = 'PENDING'");
                sentByBoth += sender.sendDue();
            }
            Map<String, Integer> received = new HashMap<>();
            smtp.messages().stream().map(m -> m.header("Subject")).filter(s -> s != null && s.startsWith(tag))
                    .forEach(s -> received.merge(s, 1, Integer::sum));
            assertEquals(count, received.size(), "every email arrived");
            received.forEach((subject, times) -> assertEquals(1, times, subject + " was sent " + times + " times"));
            assertTrue(sentByBoth >= count, "every row was marked sent once: " + sentByBoth);
        }
    }

    private long pendingLike(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("subject like ?1 and status <> ?2", tag + "%",
                OutboxMail.Status.SENT));
    }
}
