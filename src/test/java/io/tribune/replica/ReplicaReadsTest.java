package io.tribune.replica;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Reads from a real PostgreSQL streaming replica ({@link StreamingReplica}): readers are served by it, but never
 * with anything older than a change this instance was told of; a writer sees their own write at once; a replica
 * that lags too far or stops is skipped without a failed request, and health says so.
 */
@QuarkusTest
@TestProfile(ReplicaReadsTest.WithReplica.class)
@DisabledIf(value = "io.tribune.replica.StreamingReplica#unavailable",
        disabledReason = "needs the Debian PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadsTest {

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the database settings again here (the test resource sets them too) so that no embedded one starts
            return Map.of("tribune.replica.max-lag", "10S", "tribune.replica.check-every", "200MS",
                    "tribune.replica.own-writes-for", "60S", "tribune.comments.close-after-days", "0",
                    "tribune.embedded-database.enabled", "false",
                    "quarkus.datasource.jdbc.url", StreamingReplica.url(StreamingReplica.PRIMARY_PORT, StreamingReplica.DATABASE),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.replica.jdbc.url", StreamingReplica.url(StreamingReplica.REPLICA_PORT, StreamingReplica.DATABASE));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StreamingReplica.class));
        }
    }

    @Inject
    OwnWrites ownWrites;

    @AfterEach
    void resumeReplay() throws SQLException {
        try (Connection replica = StreamingReplica.replica(); Statement s = replica.createStatement()) {
            s.execute("select pg_wal_replay_resume()");
        } catch (SQLException e) {
            // the stopped-replica test restarts it itself
        }
    }

    @Test
    @Order(1)
    void readersAreServedByTheReplica() throws SQLException {
        awaitReplica("in use");
        String slug = "smart-tvs-acr-tracking-study";
        pauseReplay();
        // changed on the primary without a change notice (triggers off): only the replica's replay can bring it
        try (Connection primary = StreamingReplica.primary(); Statement s = primary.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("update article set standfirst = 'Seen on the primary only' where slug = '" + slug + "'");
        }
        String fromReplica = given().get("/api/articles/" + slug).then().statusCode(200).extract().path("standfirst");
        assertEquals(replicaStandfirst(slug), fromReplica, "the reader was answered by the paused replica");
        resumeReplayNow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/" + slug).then()
                .statusCode(200).body("standfirst", org.hamcrest.Matchers.equalTo("Seen on the primary only")));
    }

    @Test
    @Order(2)
    void anAnnouncedChangeIsNeverAnsweredWithTheReplicasOlderPage() throws SQLException {
        awaitReplica("in use");
        String slug = "corvid-cloud-outage-traced-to-bad-config-push";
        // rendered and kept in the page cache while the replica is current
        given().get("/articles/" + slug).then().statusCode(200);
        pauseReplay();
        try (Connection primary = StreamingReplica.primary(); Statement s = primary.createStatement()) {
            s.execute("update article set standfirst = 'Announced while the replica is paused', updated_at = now()"
                    + " where slug = '" + slug + "'");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/articles/" + slug).then()
                .statusCode(200).body(containsString("Announced while the replica is paused")));
        // and again, now from the page cache: still the new version
        given().get("/articles/" + slug).then().statusCode(200)
                .body(containsString("Announced while the replica is paused"));
        assertTrue(!replicaStandfirst(slug).contains("Announced"), "the replica was still behind meanwhile");
    }

    @Test
    @Order(3)
    void aWriterSeesTheirOwnCommentAtOnce() throws SQLException {
        awaitReplica("in use");
        String slug = "year-2038-problem-embedded-systems";
        Sessions.Session writer = Sessions.newUser("ryw");
        pauseReplay();
        long pausedAt = replicaPosition();
        String text = "My own words, read back at once " + System.nanoTime();
        Response posted = writer.given().header("X-CSRF-TOKEN", writer.cookies().get(Sessions.CSRF))
                .contentType(ContentType.JSON).body(Map.of("body", text))
                .post("/api/articles/" + slug + "/comments");
        assertEquals(201, posted.statusCode(), posted.asString());
        String wrote = posted.getCookie("tribune-wrote");
        assertNotNull(wrote, "a write sets the read-your-writes cookie");
        long position = ownWrites.mustReach(wrote);
        assertTrue(position > pausedAt, "the cookie holds the primary's position after the write");
        assertEquals(0, ownWrites.mustReach(Long.toHexString(position + 1) + wrote.substring(wrote.indexOf('.'))),
                "an altered cookie is ignored");
        assertEquals(0, ownWrites.mustReach("ffff.ffffffffffff.forged"), "a forged cookie is ignored");
        writer.given().cookie("tribune-wrote", wrote).get("/articles/" + slug).then().statusCode(200)
                .body(containsString(text.replace("'", "&#39;")));
        assertEquals(pausedAt, replicaPosition(), "the replica had not replayed the comment");
    }

    @Test
    @Order(4)
    void aReplicaLaggingBeyondMaxLagIsSkippedAndHealthSaysSo() throws SQLException {
        awaitReplica("in use");
        pauseReplay();
        try (Connection primary = StreamingReplica.primary(); Statement s = primary.createStatement()) {
            s.execute("update section set name = name");
        }
        awaitReplica("skipped: replay");
        for (String page : readerPages()) {
            given().get(page).then().statusCode(200);
        }
        resumeReplayNow();
        awaitReplica("in use");
    }

    @Test
    @Order(5)
    void aStoppedReplicaIsSkippedWithoutAFailedRequest() {
        awaitReplica("in use");
        StreamingReplica.stopReplica();
        try {
            for (int round = 0; round < 3; round++) {
                for (String page : readerPages()) {
                    given().get(page).then().statusCode(200);
                }
            }
            awaitReplica("skipped (");
        } finally {
            StreamingReplica.startReplica();
        }
        awaitReplica("in use");
        given().get("/").then().statusCode(200);
    }

    private static Set<String> readerPages() {
        return Set.of("/", "/sections/software", "/articles/year-2038-problem-embedded-systems", "/search?q=cloud",
                "/feeds/articles.atom", "/sitemap.xml", "/api/articles", "/api/articles/year-2038-problem-embedded-systems/comments");
    }

    private static void awaitReplica(String state) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Read replica' }.data.replica", startsWith(state)));
    }

    /**
     * Pauses replay right after the replica has replayed a fresh transaction: its lag is measured from the last
     * replayed commit, so without one it would count the idle time before the pause and be skipped at once.
     */
    private static void pauseReplay() throws SQLException {
        long target;
        try (Connection primary = StreamingReplica.primary(); Statement s = primary.createStatement()) {
            s.execute("set session_replication_role = replica"); // no change notice
            s.execute("update article set comments_open = comments_open where slug = 'smart-tvs-acr-tracking-study'");
            try (ResultSet row = s.executeQuery("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
                row.next();
                target = row.getLong(1);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaPosition() >= target);
        try (Connection replica = StreamingReplica.replica(); Statement s = replica.createStatement()) {
            s.execute("select pg_wal_replay_pause()");
        }
    }

    private static void resumeReplayNow() throws SQLException {
        try (Connection replica = StreamingReplica.replica(); Statement s = replica.createStatement()) {
            s.execute("select pg_wal_replay_resume()");
        }
    }

    private static long replicaPosition() throws SQLException {
        try (Connection replica = StreamingReplica.replica(); Statement s = replica.createStatement();
                ResultSet row = s.executeQuery("select (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String replicaStandfirst(String slug) throws SQLException {
        try (Connection replica = StreamingReplica.replica();
                PreparedStatement s = replica.prepareStatement("select standfirst from article where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
