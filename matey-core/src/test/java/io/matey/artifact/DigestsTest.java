package io.matey.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void digestMatchesPythonVectors() {
        assertThat(Digests.digest(bytes("\n")))
                .isEqualTo("5b4b01a4a3892ea3751793da57f072ae08eec694ddcda872239fc8239e4bcd1b");
        assertThat(Digests.digest(bytes("CREATE DATABASE IF NOT EXISTS __db__\n")))
                .isEqualTo("da88819135e949d130a03231df6d5a013f9feaa2cb61698dedf4eb444fa0c5be");
        assertThat(Digests.digest(new byte[0]))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    }

    @Test
    void sqlDigestAppendsMissingNewlineOnly() {
        assertThat(Digests.sqlDigest("")).isEqualTo(Digests.digest(bytes("\n")));
        assertThat(Digests.sqlDigest("CREATE DATABASE IF NOT EXISTS __db__"))
                .isEqualTo("da88819135e949d130a03231df6d5a013f9feaa2cb61698dedf4eb444fa0c5be");
        assertThat(Digests.sqlDigest("x\n")).isEqualTo(Digests.digest(bytes("x\n")));
        assertThat(Digests.sqlDigest("x\n\n")).isNotEqualTo(Digests.sqlDigest("x\n"));
    }

    @Test
    void sqlDigestOfBytesIsTheDigestOfTheirText() {
        assertThat(Digests.sqlDigest(bytes("caf\u00e9"))).isEqualTo(Digests.sqlDigest("caf\u00e9"));
        assertThat(Digests.sqlDigest(bytes("x\n"))).isEqualTo(Digests.sqlDigest("x\n"));
        assertThat(Digests.sqlDigest(new byte[0])).isEqualTo(Digests.sqlDigest(""));
    }

    @Test
    void textDigestIsEmptyForBytesThatAreNotUtf8() {
        String longText = "\u00e9".repeat(5000); // two bytes a character: spans the validator's buffer
        byte[] truncated = bytes(longText);
        truncated = java.util.Arrays.copyOf(truncated, truncated.length - 1);

        assertThat(Digests.textDigest(bytes(longText))).hasValue(Digests.sqlDigest(longText));
        assertThat(Digests.textDigest(truncated)).isEmpty();
        assertThat(Digests.textDigest(new byte[] {'a', (byte) 0xFF, 'b'})).isEmpty();
        String asciiFirst = "ascii first, then \u00e9";
        assertThat(Digests.textDigest(bytes(asciiFirst))).hasValue(Digests.sqlDigest(asciiFirst));
        assertThat(Digests.textDigest(new byte[] {'a', 'b', (byte) 0xC3})).isEmpty(); // cut after an ASCII start
        assertThat(Digests.textDigest(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty(); // a surrogate
    }

    @Test
    void chainSeedMatchesPythonVectors() {
        assertThat(Digests.chainSeed("postgres", "."))
                .isEqualTo("a179de2dda5af64d1eb6042b1019c87245b405380126510b0e5bc884bce6d7ae");
        assertThat(Digests.chainSeed("sqlite", "."))
                .isEqualTo("b03a2dd10f35adaa81c52de92039bc2b629057d0ebd3963c41b8a287478be590");
        assertThat(Digests.chainSeed("clickhouse", "."))
                .isEqualTo("0975faa0734bde7e10247e8bea9cb42401fa292ffbc4f2da9815560024f45e16");
        assertThat(Digests.chainSeed("sqlite", "db/core"))
                .isEqualTo("53de95641632e010cc53779cdce49a89f01c119fa470184ce096985e6a836e44");
        assertThat(Digests.chainSeed("", "db/core"))
                .isEqualTo("7c060e5bb4a2f60ba2049b99baae3d6e19deabb86ee17f6941b206453737afa8");
    }

    @Test
    void chainSeedEscapesLikePythonJsonForNonAsciiTargets() {
        // Computed with python3: json.dumps([...], separators=(",", ":")) escapes as lowercase \\uXXXX,
        // astral characters as surrogate pairs, and DEL too.
        assertThat(Digests.chainSeed("sqlite", "db/k\u00e4se\uD83D\uDE00\u007f\"\\"))
                .isEqualTo("218d31151112876e1ef2d5aa0c8ef63e169e2c3ad67973b300130c1cc84202a1");
        assertThat(CompactJson.array(java.util.List.of("k\u00e4se\uD83D\uDE00\u007f\"\\\n\t\u0001")))
                .isEqualTo("[\"k\\u00e4se\\ud83d\\ude00\\u007f\\\"\\\\\\n\\t\\u0001\"]");
    }

    @Test
    void chainStepFoldsTheMigrationIdentity() {
        String migration = "-- migrate:up\nCREATE TABLE widget(id INTEGER PRIMARY KEY);\n"
                + "-- migrate:down\nDROP TABLE widget;\n";
        String digest = Digests.digest(bytes(migration));
        assertThat(digest).isEqualTo("1092f30b6d53075f945b08662b7c976393f22a2bf5eec87a6d6bac3bab5caac1");
        assertThat(Digests.chainStep(Digests.chainSeed("sqlite", "db/core"), "001", "migrations/001_init.sql", digest))
                .isEqualTo("06a62e66019ce0e3187da698e65f4dd489219e964f5a3c644b974e2fd69a6b51");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
