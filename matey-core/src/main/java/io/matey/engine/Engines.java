package io.matey.engine;

import io.matey.error.MateyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registry of engines, discovered with {@link ServiceLoader} so that later engines plug in. */
public final class Engines {

    private static final List<Engine> ALL = load();

    private Engines() {
    }

    private static List<Engine> load() {
        List<Engine> engines = new ArrayList<>();
        ServiceLoader.load(Engine.class, Engines.class.getClassLoader()).forEach(engines::add);
        return List.copyOf(engines);
    }

    /** Every engine a target may name (Python matey's), including those whose runtime this build lacks. */
    public static final List<String> KNOWN_IDS =
            List.of("sqlite", "postgres", "mysql", "clickhouse", "bigquery", "bigquery-emulator");

    public static boolean isKnown(String id) {
        return KNOWN_IDS.contains(normalizeId(id));
    }

    public static List<Engine> all() {
        return ALL;
    }

    /** Normalises aliases ({@code postgresql} → {@code postgres}, {@code sqlite3} → {@code sqlite}, ...). */
    public static String normalizeId(String id) {
        String value = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "postgresql" -> "postgres";
            case "sqlite3" -> "sqlite";
            case "mariadb" -> "mysql";
            case "bigquery_emulator" -> "bigquery-emulator";
            default -> value;
        };
    }

    public static Engine byId(String id) {
        String normalized = normalizeId(id);
        return ALL.stream().filter(e -> e.id().equals(normalized)).findFirst()
                .orElseThrow(() -> new MateyException("Unsupported engine '" + id + "'. Supported engines: "
                        + ids() + "."));
    }

    public static Engine forUrl(MateyUrl url) {
        String scheme = url.scheme();
        int plus = scheme.indexOf('+');
        String base = plus >= 0 ? scheme.substring(0, plus) : scheme;
        return ALL.stream().filter(e -> e.acceptsScheme(base)).findFirst()
                .orElseThrow(() -> new MateyException("Unsupported database URL scheme '" + scheme + "' in "
                        + url + ". Supported engines: " + ids() + "."));
    }

    private static String ids() {
        return ALL.stream().map(Engine::id).collect(Collectors.joining(", "));
    }
}
