package io.tribune.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Tribune-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} header, as Stripe signs its
 * webhooks: the timestamp is signed with the body, so an old request cannot be replayed later.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
    }

    /** Null when valid, else why not (for the 401's message). */
    static String check(String secret, String header, String body, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return "The Tribune-Signature header is missing.";
        }
        Long timestamp = null;
        String given = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    timestamp = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return "The signature's timestamp is not a number.";
                }
            } else if (p.startsWith("v1=")) {
                given = p.substring(3);
            }
        }
        if (timestamp == null || given == null) {
            return "The signature needs t= and v1=.";
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return "The signature's timestamp is too old or in the future.";
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII)) ? null
                : "The signature does not match.";
    }
}
