package io.tribune.web;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Malformed and hostile values for the bad-input suite: a fixed catalogue of known troublemakers plus cases
 * generated with jqwik's {@link Arbitraries} from a fixed seed, so a failure reproduces. Override the seed with
 * {@code -Dtribune.bad-input.seed=N} to explore other cases.
 */
final class BadInput {

    static final long SEED = Long.getLong("tribune.bad-input.seed", 20261107L);
    static final String TWO_MB = "x".repeat(2 * 1024 * 1024);

    private final Random random;

    /** One generator per test class: the class name keeps the classes' sequences independent of each other. */
    BadInput(Class<?> owner) {
        this.random = new Random(SEED ^ owner.getName().hashCode());
    }

    /** {@code n} values drawn from the arbitrary (edge cases mixed in), deterministic for the seed. */
    <T> List<T> sample(Arbitrary<T> arbitrary, int n) {
        // outside a jqwik property (this runs inside @QuarkusTest JUnit tests) generators need a session
        JqwikSession.start();
        try {
            RandomGenerator<T> generator = arbitrary.generator(1000, true);
            List<T> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(generator.next(random).value());
            }
            return values;
        } finally {
            JqwikSession.finish();
        }
    }

    /**
     * Values where a positive id is expected: text, negative, zero, overflowing, floats, hex, padded, non-ASCII digits.
     * Never the id of a real row (numbers that parse are zero, negative or far beyond any id), so a request that uses
     * one can only be refused.
     */
    List<String> ids(int generated) {
        BigInteger longMax = BigInteger.valueOf(Long.MAX_VALUE);
        LinkedHashSet<String> ids = new LinkedHashSet<>(List.of("abc", "", " ", "-1", "0", "-0", "1e9", "1.5", "0x10",
                "99999999999999999999", "9223372036854775808", "-9223372036854775809", "NaN", "Infinity", "+0", " 0 ",
                "00000000000000000000000", "1;drop table comment", "1' or '1'='1", "null", "[1]", "{}",
                "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0669"));
        ids.addAll(sample(Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(30)), new BigInteger("1" + "0".repeat(30)))
                        .filter(b -> b.signum() <= 0 || b.compareTo(longMax) > 0).map(BigInteger::toString),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                        .filter(s -> s.chars().anyMatch(Character::isLetter))), generated));
        return List.copyOf(ids);
    }

    /** Free text nobody should trust: control characters, markup, SQL, traversal, odd Unicode, long runs. */
    List<String> texts(int generated) {
        LinkedHashSet<String> texts = new LinkedHashSet<>(List.of("", " ", "\u0000", "a\u0000b", "\r\nSet-Cookie: x=1",
                "<script>alert(1)</script>", "'; drop table comment; --", "../../../../etc/passwd", "%00%2e%2e%2f",
                "\u202Egnp.exe", "\uFEFF", "\uD83D\uDE00", "\uD800", "\u0007\u0008\u001b[31m", "{{7*7}}", "{inject:site}",
                "${jndi:ldap://x}", "x".repeat(10_000)));
        texts.addAll(sample(Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withChars("<>\"'&%;\\/{}$#").ofMinLength(1).ofMaxLength(20)), generated));
        return List.copyOf(texts);
    }

    /** Wrong spellings of an enumerated value: case, padding, NUL, prefixes, other enums' names, random words. */
    List<String> enumJunk(int generated, String... valid) {
        LinkedHashSet<String> junk = new LinkedHashSet<>(List.of("", " ", "null", "undefined", "0", "-1", "\u0000",
                "DROP", "x".repeat(5_000)));
        for (String v : valid) {
            junk.add(v.charAt(0) + "\u0000" + v.substring(1));
            junk.add(v + "," + v);
        }
        junk.addAll(sample(Arbitraries.strings().ofMinLength(1).ofMaxLength(16), generated));
        return List.copyOf(junk);
    }

    /**
     * Path segments, already percent-encoded: traversal, encoded slashes and NULs, CR/LF, invalid UTF-8, overlong
     * encodings, very long names, plus random Unicode names encoded properly.
     */
    List<String> slugs(int generated) {
        LinkedHashSet<String> slugs = new LinkedHashSet<>(List.of("..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", "a%00b", "%00", "%0d%0aSet-Cookie:%20x=1", "%FF%FE",
                "%C0%AF", "%C3%28", "%ED%A0%80", "%E2%80%AE", "%25", "%2525", "a%20b", "x".repeat(3_000), "%3Cscript%3E",
                "%7B%7B7*7%7D%7D", "%3B", "%3F", "%23"));
        for (String s : sample(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(24), generated)) {
            slugs.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return List.copyOf(slugs);
    }

    /** Query or form values, percent-encoded, that decode to bytes that are not UTF-8. */
    static final List<String> INVALID_UTF8_ENCODED = List.of("%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%F8%88%80%80%80",
            "%E2%82", "a%80b");

    /** Raw byte sequences that are not UTF-8 (for bodies sent as bytes). */
    static final List<byte[]> INVALID_UTF8_BYTES = List.of(bytes(0xFF), bytes(0xC3, 0x28), bytes(0xED, 0xA0, 0x80),
            bytes(0xC0, 0xAF), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xE2, 0x82));

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Bytes of a body: ASCII text around raw (non-UTF-8) bytes. */
    static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.US_ASCII);
        byte[] c = after.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    /** A request body written by hand, with the content type it is sent as. */
    record RawBody(String label, String contentType, byte[] bytes) {
    }

    /**
     * Multipart bodies that cannot be parsed: cut short before the closing boundary, a part without its blank line, a
     * missing or empty boundary parameter, an over-long boundary, garbage before the first boundary. Where a body
     * carries a CSRF field it is the valid one, so that the parser, not the CSRF check, meets the damage.
     */
    static List<RawBody> malformedMultipart(String csrfToken, String field) {
        String b = "tribune-fuzz";
        String type = "multipart/form-data; boundary=" + b;
        String csrf = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrfToken + "\r\n";
        String part = "--" + b + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        List<RawBody> bodies = new ArrayList<>();
        bodies.add(raw("garbage, then a boundary and no end", type, "garbage\r\n--" + b + "\r\nfoo"));
        bodies.add(raw("a part cut short", type, csrf + part + "unterminated"));
        bodies.add(raw("part headers without the blank line", type, csrf + "--" + b
                + "\r\nContent-Disposition: form-data; name=\"" + field + "\""));
        bodies.add(raw("only the opening boundary", type, "--" + b + "\r\n"));
        bodies.add(raw("an empty body", type, ""));
        bodies.add(raw("no boundary parameter", "multipart/form-data", csrf + part + "x\r\n--" + b + "--\r\n"));
        // Quarkus REST's parser throws on an empty boundary: web.MultipartBoundaryGuard refuses it first
        bodies.add(raw("an empty boundary", "multipart/form-data; boundary=", "--\r\n\r\nx\r\n----\r\n"));
        bodies.add(raw("a quoted empty boundary", "multipart/form-data; boundary=\"\"", "--\r\n\r\nx\r\n----\r\n"));
        bodies.add(raw("a boundary of 500 characters", "multipart/form-data; boundary=" + "b".repeat(500),
                "--" + "b".repeat(500) + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny"));
        bodies.add(raw("a part without Content-Disposition", type, csrf + "--" + b + "\r\n\r\nbare\r\n--" + b + "--\r\n"));
        bodies.add(new RawBody("invalid UTF-8 in a part header", type, concat(csrf + "--" + b
                + "\r\nContent-Disposition: form-data; name=\"", INVALID_UTF8_BYTES.get(0), "\"\r\n\r\nx\r\n--" + b + "--\r\n")));
        return bodies;
    }

    private static RawBody raw(String label, String contentType, String body) {
        return new RawBody(label, contentType, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Accept headers that do not parse: quality values that are not numbers from 0 to 1, media ranges without a
     * subtype, stray separators.
     */
    static final List<String> MALFORMED_ACCEPT = List.of("*/*;q=abc", "text/html;q=abc, */*", "text/html;q=2",
            "text/html;q=-1", "text/html;q=", "*/*;q=0.5;q=abc", "text/html;q=1e3", "text/html;q=NaN", "garbage", "text/",
            "/html", "text/html;q=0.5, application/json;q=x");

    /**
     * JSON bodies that are malformed or of the wrong shape for an object with the given string and number fields:
     * syntax errors, wrong top-level types, nulls, wrong field types, huge numbers, deep nesting, duplicate keys.
     */
    List<String> jsonJunk(String textField, String numberField, int generated) {
        String t = "\"" + textField + "\"";
        String n = "\"" + numberField + "\"";
        LinkedHashSet<String> bodies = new LinkedHashSet<>(List.of("", " ", "{", "}", "{not json", "{\"a\":}", "[", "null",
                "true", "42", "\"text\"", "[]", "[{}]", "{}{}", "{" + t + ":\"a\",}", "{" + t + ":'single'}",
                "{" + t + ":\"unterminated}", "{" + t + ": null, " + n + ": null}", "{" + t + ": 12}",
                "{" + t + ": true}", "{" + t + ": [\"a\"]}", "{" + t + ": {\"nested\": 1}}",
                "{" + t + ": \"a\", " + n + ": \"abc\"}", "{" + t + ": \"a\", " + n + ": 99999999999999999999}",
                "{" + t + ": \"a\", " + n + ": 1e400}", "{" + t + ": \"a\", " + n + ": -1}", "{" + t + ": \"a\", " + n + ": 1.5}",
                "{" + t + ": \"a\", " + n + ": [1]}", "{" + t + ": \"a\", " + n + ": {}}", "{" + t + ": \"a\", " + n + ": NaN}",
                "{" + t + ": \"a\", " + t + ": \"b\"}", "{" + t + ": \"\\u0000\"}", "{" + t + ": \"\\ud800\"}",
                "{\"unknown\": 1}", "[".repeat(2_000) + "]".repeat(2_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                "{" + t + ": \"" + TWO_MB + "\"}"));
        for (String s : sample(Arbitraries.strings().withChars("{}[]\":,0123456789-.etrufalsn ").ofMaxLength(30), generated)) {
            bodies.add(s);
        }
        return List.copyOf(bodies);
    }
}
