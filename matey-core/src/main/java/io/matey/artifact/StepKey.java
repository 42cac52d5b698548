package io.matey.artifact;

/** What makes two histories agree on a step: same version, same file, same bytes. */
public record StepKey(String version, String migrationFile, String migrationDigest) {
}
