package io.tribune.web;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip body (RFC 1952) put together from raw deflate blocks compressed apart: pieces kept compressed once (each
 * ended with a full flush, so that none refers back to another) and pieces compressed for one request, in any
 * order. The body's CRC-32 is combined from the pieces' own ({@link #combine}, as zlib's {@code crc32_combine}), so
 * kept pieces are never read again.
 */
public final class GzipMembers {

    /** ID1 ID2, deflate, no flags, no time, no extra flags, unknown OS. */
    public static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };
    /** An empty final block (fixed Huffman codes, end of block): what closes a stream of flushed blocks. */
    public static final byte[] LAST_BLOCK = { 3, 0 };

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private GzipMembers() {
    }

    /** A piece as raw deflate blocks ending with a full flush, at {@code level}. */
    public static byte[] deflate(byte[] raw, int offset, int length, int level) {
        Deflater deflater = level == Deflater.BEST_SPEED ? DEFLATERS.get() : new Deflater(level, true);
        try {
            deflater.reset();
            deflater.setInput(raw, offset, length);
            byte[] out = new byte[length / 2 + 64];
            int size = 0;
            while (true) {
                size += deflater.deflate(out, size, out.length - size, Deflater.FULL_FLUSH);
                if (size < out.length) {
                    break; // all input consumed and flushed: the output did not fill the buffer
                }
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            return java.util.Arrays.copyOf(out, size);
        } finally {
            if (level != Deflater.BEST_SPEED) {
                deflater.end();
            }
        }
    }

    public static int crc(byte[] raw, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(raw, offset, length);
        return (int) crc.getValue();
    }

    /** The gzip trailer: CRC-32 and length of the uncompressed body, little-endian. */
    public static byte[] trailer(int crc, long length) {
        return new byte[] { (byte) crc, (byte) (crc >>> 8), (byte) (crc >>> 16), (byte) (crc >>> 24),
                (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24) };
    }

    /** The CRC-32 of A followed by B, from A's, B's and B's length (zlib's crc32_combine). */
    public static int combine(int crcA, int crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = 0xedb88320L; // the CRC-32 polynomial: the operator for one zero bit
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four
        long a = crcA & 0xffffffffL;
        do {
            square(even, odd);
            if ((lengthB & 1) != 0) {
                a = times(even, a);
            }
            lengthB >>= 1;
            if (lengthB == 0) {
                break;
            }
            square(odd, even);
            if ((lengthB & 1) != 0) {
                a = times(odd, a);
            }
            lengthB >>= 1;
        } while (lengthB != 0);
        return (int) (a ^ (crcB & 0xffffffffL));
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
