package io.matey.artifact;

import io.matey.error.InvalidUtf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding: malformed input is an error, never silently replaced. */
final class Utf8 {

    private Utf8() {
    }

    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code bytes} are valid UTF-8, checked without a decoded copy ({@link InvalidUtf8}). */
    static boolean isValid(byte[] bytes) {
        return InvalidUtf8.find(bytes) == null;
    }
}
