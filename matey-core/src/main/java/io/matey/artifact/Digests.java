package io.matey.artifact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The digests and hash chain recorded in {@code schema.lock.toml}, identical to Python matey's. */
public final class Digests {

    private static final String CHAIN_LABEL = "matey-lock-v0";

    private Digests() {
    }

    /** BLAKE2b-256 of raw bytes, lowercase hex: how migrations are digested. */
    public static String digest(byte[] bytes) {
        return blake2b(256, bytes);
    }

    /**
     * Digest of generated SQL ({@code schema.sql}, checkpoints): a missing final newline must not change it,
     * so one is appended when absent.
     */
    public static String sqlDigest(String text) {
        return sqlDigest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #sqlDigest(String)} of text given as its UTF-8 bytes. */
    public static String sqlDigest(byte[] utf8) {
        if (utf8.length > 0 && utf8[utf8.length - 1] == '\n') {
            return digest(utf8);
        }
        byte[] terminated = Arrays.copyOf(utf8, utf8.length + 1);
        terminated[utf8.length] = '\n';
        return digest(terminated);
    }

    /** {@link #sqlDigest(byte[])} of a file's bytes, empty when they are not valid UTF-8. */
    static Optional<String> textDigest(byte[] bytes) {
        return Utf8.isValid(bytes) ? Optional.of(sqlDigest(bytes)) : Optional.empty();
    }

    /** The chain value before the first step; binds the chain to one engine and target. */
    public static String chainSeed(String engine, String target) {
        return jsonDigest(List.of(CHAIN_LABEL, engine, target));
    }

    /** The chain value after one migration, folding its identity into the previous value. */
    public static String chainStep(String previous, String version, String migrationFile, String migrationDigest) {
        return jsonDigest(List.of(previous, version, migrationFile, migrationDigest));
    }

    static String blake2b(int bits, byte[] bytes) {
        return HexFormat.of().formatHex(Blake2b.digest(bytes, bits / 8));
    }

    private static String jsonDigest(List<String> values) {
        return digest(CompactJson.array(values).getBytes(StandardCharsets.US_ASCII));
    }
}
