package io.tribune.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class GzipMembersTest {

    @Test
    void combinedCrcIsTheCrcOfTheConcatenation() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            byte[] a = new byte[random.nextInt(70_000)];
            byte[] b = new byte[random.nextInt(70_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            assertEquals(GzipMembers.crc(both, 0, both.length),
                    GzipMembers.combine(GzipMembers.crc(a, 0, a.length), GzipMembers.crc(b, 0, b.length), b.length));
        }
    }

    @Test
    void piecesDeflatedApartMakeOneGzipBodyAnyDecoderReads() throws IOException {
        byte[] first = "<p>kept once, compressed at the best level</p>".repeat(2_000).getBytes(StandardCharsets.UTF_8);
        byte[] second = "<p>one reader's own part, compressed now</p>".repeat(3).getBytes(StandardCharsets.UTF_8);
        byte[] third = new byte[0];
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(GzipMembers.HEADER);
        int crc = 0;
        long length = 0;
        for (byte[] piece : new byte[][] { first, second, third, first }) {
            int level = piece == first ? Deflater.BEST_COMPRESSION : Deflater.BEST_SPEED;
            body.writeBytes(GzipMembers.deflate(piece, 0, piece.length, level));
            crc = GzipMembers.combine(crc, GzipMembers.crc(piece, 0, piece.length), piece.length);
            length += piece.length;
        }
        body.writeBytes(GzipMembers.LAST_BLOCK);
        body.writeBytes(GzipMembers.trailer(crc, length));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        expected.writeBytes(first);
        // GZIPInputStream checks the trailer's CRC and length
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.toByteArray()))) {
            assertArrayEquals(expected.toByteArray(), in.readAllBytes());
        }
    }
}
