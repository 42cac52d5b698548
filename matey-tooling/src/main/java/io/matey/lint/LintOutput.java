package io.matey.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.matey.artifact.PythonJsonLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders lint reports as the text and JSON formats of {@code matey lint --format text|json}. */
public final class LintOutput {

    /** Two-space indentation and {@code "key": value}, like Python's {@code json.dumps(indent=2)}. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(PythonJsonLayout.printer());

    private LintOutput() {
    }

    /**
     * Per target a {@code target: <name>} line, then one line per finding (or {@code no findings}),
     * {@code <LEVEL padded to 7> <code> <path>[:<line>] <message>}, with its hint indented below; a blank line
     * between targets.
     */
    public static String text(List<LintReport> reports) {
        List<String> blocks = new ArrayList<>();
        for (LintReport report : reports) {
            StringBuilder out = new StringBuilder("target: ").append(report.target()).append('\n');
            if (report.findings().isEmpty()) {
                out.append("no findings\n");
            }
            for (Finding f : report.findings()) {
                out.append(String.format("%-7s %s %s%s %s", f.level().name(), f.code(), f.path(),
                        f.line() == null ? "" : ":" + f.line(), f.message())).append('\n');
                out.append("        hint: ").append(f.hint()).append('\n');
            }
            blocks.add(out.toString());
        }
        return String.join("\n", blocks);
    }

    /** One target's {@code {"target", "findings"}} object; keys in a fixed order, null lines kept. */
    public static Map<String, Object> jsonObject(LintReport report) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("level", f.level().label());
            finding.put("code", f.code());
            finding.put("path", f.path());
            finding.put("line", f.line());
            finding.put("message", f.message());
            finding.put("hint", f.hint());
            findings.add(finding);
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("target", report.target());
        target.put("findings", findings);
        return target;
    }

    /** An array with one {@link #jsonObject} per target. */
    public static String json(List<LintReport> reports) {
        List<Map<String, Object>> targets = reports.stream().map(LintOutput::jsonObject).toList();
        try {
            return JSON.writeValueAsString(targets) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings and numbers always serialise", e);
        }
    }
}
