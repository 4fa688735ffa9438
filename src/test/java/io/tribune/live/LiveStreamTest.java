package io.tribune.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.comment.Comment;
import io.tribune.moderation.CommentDecisions;
import io.tribune.moderation.ReportReason;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.web.DatabaseChanges;
import jakarta.inject.Inject;

/**
 * The live stream of an article over real HTTP: comments posted through the site and committed by another instance
 * arrive, resume with Last-Event-ID, coalesced votes, nothing for held or removed comments, limits, 404s, headers.
 */
@QuarkusTest
class LiveStreamTest {

    private static final long WAIT = 3_000;

    @Inject
    Fixtures fixtures;
    @Inject
    CommentDecisions decisions;
    @Inject
    LiveHub hub;
    @Inject
    LiveSettings settings;

    @BeforeEach
    void noStreamsLeftOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 0);
    }

    @Test
    void aCommentPostedThroughTheSiteArrivesRenderedAsAnonymousReadersSeeIt() {
        Article article = fixtures.article("Live comment");
        Sessions.Session alice = Sessions.newUser("live");
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            assertEquals(200, stream.status());
            awaitWatched(stream);
            long id = post(alice, article, "First live words " + Fixtures.unique("b"));
            SseClient.Event event = stream.next("comment", WAIT);
            assertNotNull(event, "no comment event");
            assertNotNull(event.id());
            assertEquals(id, event.json().getLong("id"));
            assertNull(event.json().getValue("parent"));
            String html = event.json().getString("html");
            assertTrue(html.startsWith("<li class=\"comment\" id=\"c" + id + "\""), html);
            assertTrue(html.contains("First live words"), html);
            assertTrue(html.contains("<span class=\"votes\">Up 0</span>"), html);
            assertFalse(html.contains("Reply") || html.contains("csrf") || html.contains("<!--controls"), html);

            long reply = postReply(alice, article, id, "A reply in real time " + Fixtures.unique("r"));
            SseClient.Event replied = stream.next("comment", WAIT);
            assertNotNull(replied, "no comment event for the reply");
            assertEquals(reply, replied.json().getLong("id"));
            assertEquals(id, replied.json().getLong("parent"));
        }
    }

    @Test
    void aCommentCommittedByAnotherInstanceArrives() throws SQLException {
        Article article = fixtures.article("Live from elsewhere");
        User bob = Sessions.verifiedUser(Fixtures.unique("bob"), Sessions.PASSWORD);
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            awaitWatched(stream);
            long id;
            // another instance: its own connection, its own transaction; the trigger sends the notice at commit
            try (Connection other = DatabaseChanges.connect("another-instance")) {
                other.setAutoCommit(false);
                try (PreparedStatement insert = other.prepareStatement("insert into comment (article_id, author_id, body,"
                        + " body_html, status, depth) values (?, ?, 'From B', '<p>From B, elsewhere</p>', 'VISIBLE', 0) returning id")) {
                    insert.setLong(1, article.id);
                    insert.setLong(2, bob.id);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        id = row.getLong(1);
                    }
                }
                try (PreparedStatement root = other.prepareStatement("update comment set root_id = id where id = ?")) {
                    root.setLong(1, id);
                    root.executeUpdate();
                }
                assertNull(stream.next("comment", 700), "an event before the commit");
                other.commit();
            }
            SseClient.Event event = stream.next("comment", WAIT);
            assertNotNull(event, "the other instance's comment did not arrive");
            assertEquals(id, event.json().getLong("id"));
            assertTrue(event.json().getString("html").contains("From B, elsewhere"));
        }
    }

    @Test
    void lastEventIdResumesWithOnlyTheLaterEvents() {
        Article article = fixtures.article("Live resume");
        Sessions.Session carol = Sessions.newUser("resume");
        String firstId;
        long second;
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            awaitWatched(stream);
            post(carol, article, "Resume one " + Fixtures.unique("a"));
            firstId = stream.next("comment", WAIT).id();
            second = post(carol, article, "Resume two " + Fixtures.unique("a"));
            assertEquals(second, stream.next("comment", WAIT).json().getLong("id"));
        }
        // published while nobody streams: kept in the article's buffer (or sent to the resumed stream below, if the
        // hub reads it later: either way after the events it missed)
        long third = post(carol, article, "Resume three " + Fixtures.unique("a"));

        try (SseClient header = SseClient.open("/articles/" + article.slug + "/live", "Last-Event-ID", firstId)) {
            assertEquals(List.of(second, third), commentIds(header.during(1_000)));
        }
        try (SseClient query = SseClient.open("/articles/" + article.slug + "/live?lastEventId=" + firstId)) {
            assertEquals(List.of(second, third), commentIds(query.during(1_000)));
        }
        // an id that is not ours: reload
        for (String unknown : List.of("zz-1", "nonsense", "-5")) {
            try (SseClient stale = SseClient.open("/articles/" + article.slug + "/live", "Last-Event-ID", unknown)) {
                SseClient.Event reload = stale.next("reload", WAIT);
                assertNotNull(reload, unknown);
                assertNull(reload.id());
            }
        }
    }

    @Test
    void anIdOlderThanTheArticlesBufferGetsAReloadEvent() throws SQLException {
        Article article = fixtures.article("Live buffer");
        User erin = Sessions.verifiedUser(Fixtures.unique("erin"), Sessions.PASSWORD);
        String firstId;
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            awaitWatched(stream);
            insertElsewhere(article, erin, 1);
            firstId = stream.next("comment", WAIT).id();
            insertElsewhere(article, erin, settings.buffer() + 1);
            assertEquals(settings.buffer() + 1, stream.during(1_500).size());
        }
        try (SseClient late = SseClient.open("/articles/" + article.slug + "/live", "Last-Event-ID", firstId)) {
            List<SseClient.Event> events = late.during(1_000);
            assertEquals(List.of("reload"), events.stream().map(SseClient.Event::name).toList());
        }
    }

    @Test
    void aClientComingFromAnotherInstanceResumesHereWithoutAReload() {
        Article seen = fixtures.article("Live seen elsewhere");
        Article quiet = fixtures.article("Live resumed here");
        Sessions.Session frank = Sessions.newUser("frank");
        String lastSeen;
        try (SseClient stream = SseClient.open("/articles/" + seen.slug + "/live")) {
            awaitWatched(stream);
            post(frank, seen, "An event on another article " + Fixtures.unique("o"));
            lastSeen = stream.next("comment", WAIT).id();
        }
        // ids come from the database, the same on every instance: one this instance never streamed for the article
        // resumes as long as nothing happened to the article since
        try (SseClient resumed = SseClient.open("/articles/" + quiet.slug + "/live", "Last-Event-ID", lastSeen)) {
            awaitWatched(resumed);
            long id = post(frank, quiet, "After the move " + Fixtures.unique("m"));
            List<SseClient.Event> events = resumed.during(1_500);
            assertEquals(List.of("comment"), events.stream().map(SseClient.Event::name).toList());
            assertEquals(id, events.get(0).json().getLong("id"));
            assertTrue(Long.parseLong(events.get(0).id()) > Long.parseLong(lastSeen));
        }
    }

    /** Top-level comments committed by another instance, in one transaction. */
    private static void insertElsewhere(Article article, User author, int count) throws SQLException {
        try (Connection other = DatabaseChanges.connect("another-instance")) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into comment (article_id, author_id, body,"
                    + " body_html, status, depth) values (?, ?, 'Elsewhere', '<p>Elsewhere</p>', 'VISIBLE', 0)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, article.id);
                    insert.setLong(2, author.id);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement root = other.prepareStatement("update comment set root_id = id where root_id is null")) {
                root.executeUpdate();
            }
            other.commit();
        }
    }

    @Test
    void twoVotesWithinASecondAreOneVotesEventWithTheFinalCount() {
        Article article = fixtures.article("Live votes");
        Sessions.Session author = Sessions.newUser("voted");
        Sessions.Session first = Sessions.newUser("voter");
        Sessions.Session second = Sessions.newUser("voter");
        long id = post(author, article, "Vote for me " + Fixtures.unique("v"));
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            awaitWatched(stream);
            first.form().post("/comments/" + id + "/vote").then().statusCode(303);
            second.form().post("/comments/" + id + "/vote").then().statusCode(303);
            List<SseClient.Event> votes = stream.during(settings.voteWindow().toMillis() + 1_500).stream()
                    .filter(e -> e.name().equals("votes")).toList();
            assertEquals(1, votes.size(), votes.toString());
            assertEquals(id, votes.get(0).json().getLong("id"));
            assertEquals(2, votes.get(0).json().getInteger("up"));
        }
    }

    @Test
    void heldCommentsAndCommentsRemovedBeforeTheyWereVisibleSendNothingUntilApproved() {
        Article article = fixtures.article("Live held");
        Sessions.Session held = Sessions.newUser("held");
        QuarkusTransaction.requiringNew().run(() -> User.update("alwaysHold = true where username = ?1", held.username()));
        Sessions.Session plain = Sessions.newUser("plain");
        User moderator = Sessions.verifiedUser(Fixtures.unique("mod"), Sessions.PASSWORD, "moderator");
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            awaitWatched(stream);
            String secret = "Held words " + Fixtures.unique("h");
            long removedUnseen = post(held, article, secret);
            decisions.remove(moderator, removedUnseen, ReportReason.SPAM, null);
            long approved = post(held, article, "Approved later " + Fixtures.unique("h"));
            long sentinel = post(plain, article, "Visible at once " + Fixtures.unique("s"));

            List<SseClient.Event> first = stream.during(1_500);
            assertEquals(List.of(sentinel), commentIds(first), first.toString());
            assertTrue(first.stream().noneMatch(e -> e.data().contains(secret) || e.data().contains("\"id\":" + removedUnseen)),
                    first.toString());

            decisions.approve(moderator, approved, null);
            SseClient.Event shown = stream.next("comment", WAIT);
            assertNotNull(shown, "an approved comment becomes visible live");
            assertEquals(approved, shown.json().getLong("id"));
        }
    }

    @Test
    void aVisibleCommentRemovedOrEditedChangesInPlaceWithoutItsText() {
        Article article = fixtures.article("Live removed");
        Sessions.Session dave = Sessions.newUser("edits");
        User moderator = Sessions.verifiedUser(Fixtures.unique("mod"), Sessions.PASSWORD, "moderator");
        long id = post(dave, article, "Soon gone " + Fixtures.unique("g"));
        long edited = post(dave, article, "Before the edit " + Fixtures.unique("e"));
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live")) {
            awaitWatched(stream);
            dave.form().formParam("body", "After the edit").post("/comments/" + edited + "/edit").then().statusCode(303);
            SseClient.Event change = stream.next("edited", WAIT);
            assertNotNull(change, "no edited event");
            assertEquals(edited, change.json().getLong("id"));
            assertTrue(change.json().getString("html").contains("After the edit"));

            decisions.remove(moderator, id, ReportReason.SPAM, null);
            SseClient.Event removed = stream.next("removed", WAIT);
            assertNotNull(removed, "no removed event");
            assertEquals(id, removed.json().getLong("id"));
            assertTrue(removed.json().getString("html").contains("Comment removed by a moderator"));
            assertFalse(removed.data().contains("Soon gone"), removed.data());
        }
    }

    @Test
    void theStreamHasTheHeadersAProxyNeedsNoCompressionNoCookieAndAHeartbeat() {
        Article article = fixtures.article("Live headers");
        try (SseClient stream = SseClient.open("/articles/" + article.slug + "/live", "Accept-Encoding", "gzip, deflate")) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
            assertEquals("no-cache", stream.header("Cache-Control"));
            assertEquals("no", stream.header("X-Accel-Buffering"));
            String encoding = stream.header("Content-Encoding");
            assertTrue(encoding == null || encoding.equals("identity"), encoding);
            assertNull(stream.header("Set-Cookie"));
            int before = stream.heartbeats.get();
            await().atMost(Duration.ofMillis(settings.heartbeat().toMillis() * 3))
                    .until(() -> stream.heartbeats.get() > before + 1);
        }
    }

    @Test
    void unknownAndUnpublishedArticlesAre404() {
        Article draft = fixtures.article("Live draft");
        QuarkusTransaction.requiringNew().run(() -> Article.update("status = ?1 where id = ?2", ArticleStatus.DRAFT, draft.id));
        Article scheduled = fixtures.article("Live scheduled");
        QuarkusTransaction.requiringNew().run(() -> Article.update("publishedAt = ?1 where id = ?2",
                java.time.Instant.now().plusSeconds(86_400), scheduled.id));
        for (String slug : List.of("no-such-article-" + Fixtures.unique("x"), draft.slug, scheduled.slug, "A-Capital")) {
            given().redirects().follow(false).get("/articles/" + slug + "/live").then().statusCode(404);
        }
        assertEquals(0, hub.openStreams());
    }

    @Test
    void pastTheLimitsANewStreamGets503WithRetryAfter() {
        Article article = fixtures.article("Live limits");
        String path = "/articles/" + article.slug + "/live";
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < settings.maxPerIp(); i++) {
                open.add(SseClient.open(path));
                assertEquals(200, open.get(i).status());
            }
            given().get(path).then().statusCode(503).header("Retry-After", String.valueOf(settings.retryAfter().toSeconds()));
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.openStreams() == settings.maxPerIp() - 1);

            // the instance's limit: other clients hold every other place
            List<String> others = new ArrayList<>();
            for (int i = hub.openStreams(); i < settings.maxConnections(); i++) {
                String address = "192.0.2." + (i % 200) + "." + i;
                assertTrue(hub.reserve(address));
                others.add(address);
            }
            given().get(path).then().statusCode(503).header("Retry-After", String.valueOf(settings.retryAfter().toSeconds()));
            others.forEach(hub::release);
        } finally {
            open.forEach(SseClient::close);
        }
        SseClient again = SseClient.open(path);
        assertEquals(200, again.status());
        again.close();
    }

    private void awaitWatched(SseClient stream) {
        assertEquals(200, stream.status());
        // the hub sends "retry:" once it has registered the stream
        await().atMost(Duration.ofSeconds(2)).until(stream::started);
    }

    private static List<Long> commentIds(List<SseClient.Event> events) {
        return events.stream().filter(e -> e.name().equals("comment")).map(e -> e.json().getLong("id")).toList();
    }

    long post(Sessions.Session session, Article article, String body) {
        int status = session.form().formParam("article", article.slug).formParam("body", body).post("/comments").statusCode();
        assertTrue(status == 303 || status == 200, "posting gave " + status);
        return posted(session, body);
    }

    long postReply(Sessions.Session session, Article article, long parent, String body) {
        session.form().formParam("article", article.slug).formParam("parentId", parent).formParam("body", body)
                .post("/comments").then().statusCode(303);
        return posted(session, body);
    }

    /** The new comment's id; the author's comments are moved back in time so that their next post is not a flood. */
    private long posted(Sessions.Session session, String body) {
        fixtures.ageAllBy(QuarkusTransaction.requiringNew().call(() -> User.<User>find("username", session.username()).firstResult()),
                Duration.ofMinutes(2));
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find("body", body).firstResult().id);
    }
}
