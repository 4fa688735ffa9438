package io.tribune.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SafeRedirectTest {

    @Test
    void onlySameSitePathsAreKept() {
        assertEquals(Optional.of("/articles/x?page=2#c3"), SafeRedirect.path("/articles/x?page=2#c3"));
        for (String evil : new String[] { "//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil",
                "javascript:alert(1)", "http:/evil", "/a b", "evil.example", "", null, "/\tx", "/\r\nSet-Cookie: x=1" }) {
            assertTrue(SafeRedirect.path(evil).isEmpty(), "accepted " + evil);
        }
    }

    @Test
    void refererIsUsedOnlyFromThisHost() {
        assertEquals(Optional.of("/sections/ai"), SafeRedirect.fromReferer("http://localhost:8080/sections/ai", "localhost:8080"));
        assertTrue(SafeRedirect.fromReferer("https://evil.example/sections/ai", "localhost:8080").isEmpty());
        assertTrue(SafeRedirect.fromReferer(null, "localhost:8080").isEmpty());
    }
}
