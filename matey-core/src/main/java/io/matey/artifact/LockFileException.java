package io.matey.artifact;

/** {@code schema.lock.toml} could not be read as a lock: bad encoding, bad TOML, or a missing or mistyped key. */
public class LockFileException extends Exception {

    public LockFileException(String message) {
        super(message);
    }
}
