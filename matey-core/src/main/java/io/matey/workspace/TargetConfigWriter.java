package io.matey.workspace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes a target's {@code config.toml}: a new one, or an existing one updated in place. */
public final class TargetConfigWriter {

    private TargetConfigWriter() {
    }

    /** A new target's {@code config.toml}. */
    public static String render(String engine, String urlEnv, String testUrlEnv) {
        return "engine = \"" + engine + "\"\nurl_env = \"" + urlEnv + "\"\ntest_url_env = \"" + testUrlEnv + "\"\n";
    }

    /**
     * An existing {@code config.toml} with its top-level {@code engine}, {@code url_env} and {@code test_url_env}
     * values set, everything else (comments, tables, order) kept as written; a missing key is added after the others.
     */
    public static String update(String existing, String engine, String urlEnv, String testUrlEnv) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("engine", engine);
        values.put("url_env", urlEnv);
        values.put("test_url_env", testUrlEnv);
        List<String> lines = new ArrayList<>(existing.lines().toList());
        int topLevelEnd = lines.size();
        int lastKey = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[")) {
                topLevelEnd = i;
                break;
            }
            for (Iterator<Map.Entry<String, String>> it = values.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, String> value = it.next();
                Matcher key = Pattern.compile("^(\\s*" + value.getKey() + "\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^#\\s]+)(.*)$")
                        .matcher(lines.get(i));
                if (key.matches()) {
                    lines.set(i, key.group(1) + "\"" + value.getValue() + "\"" + key.group(3));
                    lastKey = i;
                    it.remove();
                }
            }
        }
        int insertAt = lastKey >= 0 ? lastKey + 1 : Math.min(topLevelEnd, lines.size());
        for (Map.Entry<String, String> missing : values.entrySet()) {
            lines.add(insertAt++, missing.getKey() + " = \"" + missing.getValue() + "\"");
        }
        return String.join("\n", lines) + "\n";
    }
}
