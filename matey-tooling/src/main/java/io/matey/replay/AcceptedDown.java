package io.matey.replay;

/**
 * A down section that does not restore the state before its migration, accepted in config.toml's
 * {@code [inexact_downs]}.
 *
 * @param diff the round trip's unified diff when this replay ran it, else empty
 */
public record AcceptedDown(String file, String reason, String diff) {
}
