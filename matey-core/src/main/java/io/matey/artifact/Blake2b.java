package io.matey.artifact;

/**
 * Unkeyed BLAKE2b (RFC 7693) with an output of 1 to 64 bytes: the lock's digest function. Written out here
 * because the only Java library offering it is a 7 MB cryptography provider, which every application using
 * the Spring Boot starter would have to ship (docs/architecture.md §4).
 */
final class Blake2b {

    private static final int BLOCK_BYTES = 128;
    private static final int ROUNDS = 12;

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    /** The message word schedule of each round (rounds 10 and 11 repeat rounds 0 and 1). */
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private Blake2b() {
    }

    /** The digest of {@code message}, {@code outputBytes} long. */
    static byte[] digest(byte[] message, int outputBytes) {
        if (outputBytes < 1 || outputBytes > 64) {
            throw new IllegalArgumentException("BLAKE2b output must be 1 to 64 bytes, got " + outputBytes);
        }
        long[] h = IV.clone();
        h[0] ^= 0x01010000L | outputBytes; // parameter block: fan-out 1, depth 1, no key
        long[] m = new long[16];
        int offset = 0;
        // Every block but the last is compressed as it comes; the last (possibly empty or partial) is final.
        while (message.length - offset > BLOCK_BYTES) {
            readBlock(message, offset, BLOCK_BYTES, m);
            offset += BLOCK_BYTES;
            compress(h, m, offset, false);
        }
        int rest = message.length - offset;
        readBlock(message, offset, rest, m);
        compress(h, m, message.length, true);
        byte[] out = new byte[outputBytes];
        for (int i = 0; i < outputBytes; i++) {
            out[i] = (byte) (h[i / 8] >>> (8 * (i % 8)));
        }
        return out;
    }

    /** Reads {@code length} bytes as little-endian words, zero-padding the block. */
    private static void readBlock(byte[] message, int offset, int length, long[] m) {
        java.util.Arrays.fill(m, 0L);
        // Whole words without a division per byte: the digest reads every byte of every checkpoint.
        int words = length / 8;
        for (int w = 0, p = offset; w < words; w++, p += 8) {
            m[w] = (message[p] & 0xffL) | (message[p + 1] & 0xffL) << 8 | (message[p + 2] & 0xffL) << 16
                    | (message[p + 3] & 0xffL) << 24 | (message[p + 4] & 0xffL) << 32 | (message[p + 5] & 0xffL) << 40
                    | (message[p + 6] & 0xffL) << 48 | (message[p + 7] & 0xffL) << 56;
        }
        for (int i = words * 8; i < length; i++) {
            m[i / 8] |= (message[offset + i] & 0xffL) << (8 * (i % 8));
        }
    }

    /**
     * @param counter bytes hashed so far, this block included (messages here stay below 2^63 bytes)
     */
    private static void compress(long[] h, long[] m, long counter, boolean last) {
        // The working vector in locals, G written out: the digest reads every byte of every checkpoint, and the
        // launcher runs the C1 compiler only, which keeps locals in registers but not array elements.
        long v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        long v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
        long v12 = IV[4] ^ counter, v13 = IV[5], v14 = last ? ~IV[6] : IV[6], v15 = IV[7];
        for (int round = 0; round < ROUNDS; round++) {
            byte[] s = SIGMA[round % 10];
            v0 += v4 + m[s[0]];
            v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 += v4 + m[s[1]];
            v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 63);
            v1 += v5 + m[s[2]];
            v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 += v5 + m[s[3]];
            v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 63);
            v2 += v6 + m[s[4]];
            v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 += v6 + m[s[5]];
            v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 63);
            v3 += v7 + m[s[6]];
            v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 += v7 + m[s[7]];
            v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 63);
            v0 += v5 + m[s[8]];
            v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 += v5 + m[s[9]];
            v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 63);
            v1 += v6 + m[s[10]];
            v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 += v6 + m[s[11]];
            v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 63);
            v2 += v7 + m[s[12]];
            v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 += v7 + m[s[13]];
            v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 63);
            v3 += v4 + m[s[14]];
            v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 += v4 + m[s[15]];
            v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
