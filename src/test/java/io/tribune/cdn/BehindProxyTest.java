package io.tribune.cdn;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The app behind a load balancer: X-Forwarded-For is believed only from the configured proxy (rate limits then count
 * the real client), a forged one from anywhere else is ignored; change notices purge the shared cache; and a replica
 * URL that leads nowhere is reported in health while every page is still served from the primary.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.BehindProxy.class)
class BehindProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "tribune.rate-limit.search-per-ip", "3",
                    "tribune.rate-limit.search-window", "1H",
                    "tribune.purge.url", "http://127.0.0.1:" + PurgeListener.PORT + "/purge",
                    // nothing listens there
                    "quarkus.datasource.replica.jdbc.url", "jdbc:postgresql://127.0.0.1:18399/tribune");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void theProxysForwardedForIsTheClientRateLimitsCount() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").queryParam("q", "cloud").get("/search").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7").queryParam("q", "cloud").get("/search").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.8").queryParam("q", "cloud").get("/search").then().statusCode(200);
    }

    @Test
    void aForgedForwardedForFromAnAddressThatIsNoProxyIsIgnored() throws IOException {
        // 127.0.0.2 is not the configured proxy: whatever it claims, it is counted as itself
        for (int i = 0; i < 3; i++) {
            assertEquals(200, searchFrom("127.0.0.2", "198.51.100." + i));
        }
        assertEquals(429, searchFrom("127.0.0.2", "198.51.100.99"));
    }

    @Test
    void changeNoticesPurgeTheChangedPagesKeys() throws IOException, SQLException {
        try (PurgeListener varnish = new PurgeListener()) {
            execute("update article set updated_at = now() where slug = 'smart-tvs-acr-tracking-study'");
            await().atMost(Duration.ofSeconds(30)).until(() -> varnish.receivedKey("article-smart-tvs-acr-tracking-study"));
            execute("update section set name = name where slug = 'software'");
            await().atMost(Duration.ofSeconds(30)).until(() -> varnish.receivedKey("pages"));
            assertTrue(varnish.received.stream().allMatch(p -> p.method().equals("PURGE") && p.path().equals("/purge")));
        }
    }

    @Test
    void aReplicaUrlThatLeadsNowhereIsReportedAndThePrimaryServes() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Read replica' }.data.replica", startsWith("skipped (")));
        for (String page : List.of("/", "/sections/software", "/articles/year-2038-problem-embedded-systems",
                "/search?q=2038", "/feeds/articles.atom", "/sitemap.xml", "/api/articles",
                "/api/articles/year-2038-problem-embedded-systems/comments")) {
            given().header("X-Forwarded-For", "192.0.2.1").get(page).then().statusCode(200);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A search sent from a given local address, with a claimed X-Forwarded-For; the response status. */
    private static int searchFrom(String localAddress, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /search?q=cloud HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
