package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.CommentScreen;
import io.tribune.comment.CommentScreen.Outcome;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = WordScreenTest.MOD, roles = { "commenter", "moderator" })
class WordScreenTest {

    static final String MOD = "words-mod";

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    WordScreen screen;
    @Inject
    UserSanctions sanctions;
    @Inject
    jakarta.enterprise.inject.Instance<CommentScreen> screens;
    @Inject
    io.tribune.web.DatabaseChanges changes;

    User mod;
    User regular;
    String blocked;
    String suspect;

    @BeforeEach
    void setUp() {
        Csrf.install();
        mod = mf.account(MOD, "commenter,moderator", UserStatus.ACTIVE);
        regular = fixtures.user(Fixtures.unique("regular"));
        fixtures.comment(fixtures.article("Words"), null, regular, "An earlier comment");
        blocked = "blockme" + Fixtures.unique("w").substring(2);
        suspect = "suspect" + Fixtures.unique("w").substring(2);
    }

    @AfterEach
    void tearDown() {
        Csrf.uninstall();
    }

    @Test
    void moderationProvidesACommentScreenBean() {
        assertTrue(screens.stream().anyMatch(s -> s instanceof WordScreen));
    }

    @Test
    void wordsAreEditedAtAdminWordsAndScreenWholeWordsIgnoringCase() {
        Csrf.form().formParam("word", blocked).formParam("kind", "blocked").post("/admin/words").then().statusCode(303);
        Csrf.form().formParam("word", suspect).formParam("kind", "suspect").post("/admin/words").then().statusCode(303);
        Csrf.form().formParam("word", blocked.toUpperCase()).formParam("kind", "blocked").post("/admin/words").then()
                .statusCode(409).body(containsString("already on the blocked list"))
                .body(containsString("value=\"" + blocked.toUpperCase() + "\""));
        given().get("/admin/words").then().statusCode(200).body(containsString(blocked)).body(containsString(suspect));

        CommentScreen.Verdict refused = screen.screen(regular, "Well " + blocked.toUpperCase() + "! to you");
        assertEquals(Outcome.REFUSE, refused.outcome());
        assertTrue(refused.message().contains("not allowed"));
        assertEquals(Outcome.HOLD, screen.screen(regular, "This is " + suspect + ".").outcome());
        assertEquals(Outcome.PUBLISH, screen.screen(regular, "Inside a word: x" + blocked + "x and " + suspect + "ed").outcome());
        assertEquals(Outcome.PUBLISH, screen.screen(regular, "Perfectly civil").outcome());

        long id = mf.wordId(blocked);
        Csrf.form().post("/admin/words/" + id + "/delete").then().statusCode(303);
        given().get("/admin/words").then().statusCode(200).body(not(containsString(">" + blocked + "<")));
        assertEquals(Outcome.PUBLISH, screen.screen(regular, "Well " + blocked + " to you").outcome());
        assertEquals(List.of(Type.WORD_ADD, Type.WORD_ADD, Type.WORD_REMOVE), mf.wordActions(blocked, suspect));
    }

    @Inject
    io.tribune.config.TribuneConfig config;

    @Test
    void newAccountsFirstCommentIsHeld() {
        // the test profile turns the hold off for other features' tests; this screen uses the default of 1
        WordScreen firstHeld = new WordScreen(withHeldFirstComments(config.moderation(), 1), changes);
        User newcomer = fixtures.user(Fixtures.unique("newcomer"));
        CommentScreen.Verdict first = inTransaction(() -> firstHeld.screen(newcomer, "Hello everyone"));
        assertEquals(Outcome.HOLD, first.outcome());
        assertTrue(first.message().contains("first comments are reviewed"));
        fixtures.comment(fixtures.article("First"), null, newcomer, "Hello everyone");
        assertEquals(Outcome.PUBLISH, inTransaction(() -> firstHeld.screen(newcomer, "Second comment")).outcome());
        assertEquals(Outcome.PUBLISH, screen.screen(fixtures.user(Fixtures.unique("fresh")), "With the test profile").outcome());
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(work);
    }

    /** The real settings with one changed. */
    private static io.tribune.config.TribuneConfig.Moderation withHeldFirstComments(
            io.tribune.config.TribuneConfig.Moderation real, int held) {
        return (io.tribune.config.TribuneConfig.Moderation) java.lang.reflect.Proxy.newProxyInstance(
                WordScreenTest.class.getClassLoader(), new Class<?>[] { io.tribune.config.TribuneConfig.Moderation.class },
                (proxy, method, args) -> method.getName().equals("heldFirstComments") ? held : method.invoke(real, args));
    }

    @Test
    void alwaysHoldHoldsEverything() {
        sanctions.alwaysHold(mod, regular.username, true, "Watch");
        assertEquals(Outcome.HOLD, screen.screen(mf.reload(regular), "Anything at all").outcome());
        sanctions.alwaysHold(mod, regular.username, false, "Fine now");
        assertEquals(Outcome.PUBLISH, screen.screen(mf.reload(regular), "Anything at all").outcome());
        assertEquals(List.of(Type.ALWAYS_HOLD_ON, Type.ALWAYS_HOLD_OFF), mf.actionsFor(regular));
    }

    @Test
    void matchingIsOnWordBoundaries() {
        assertTrue(WordScreen.matches("ass", "What an ass."));
        assertTrue(WordScreen.matches("two words", "say Two Words now"));
        assertFalse(WordScreen.matches("ass", "classic class"));
        assertTrue(WordScreen.matches("c++", "I like C++ a lot"));
    }
}
