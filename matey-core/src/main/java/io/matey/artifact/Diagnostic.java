package io.matey.artifact;

import java.util.List;
import java.util.stream.Collectors;

/** One reason why a target's artifacts are not clean; {@code path} is target-relative. */
public record Diagnostic(DiagnosticCode code, String path, String detail) {

    /** {@code code@path: detail}, the form error messages quote. */
    public String render() {
        return code.id() + "@" + path + ": " + detail;
    }

    /** All diagnostics, one per line (a stale history can have hundreds), each line starting with a newline. */
    public static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> "\n  " + d.render()).collect(Collectors.joining());
    }
}
