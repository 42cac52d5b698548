package io.matey.artifact;

import java.util.List;
import java.util.stream.Collectors;

/** One reason why a target's artifacts are not clean; {@code path} is target-relative. */
public record Diagnostic(DiagnosticCode code, String path, String detail) {

    /** {@code code@path: detail}, the form error messages quote. */
    public String render() {
        return code.id() + "@" + path + ": " + detail;
    }

    /** All diagnostics joined with {@code "; "}, as in Python matey's error messages. */
    public static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("; "));
    }
}
