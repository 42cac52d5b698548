package io.matey.engine;

import io.matey.error.MateyException;
import io.matey.error.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The registry of engines, discovered with {@link ServiceLoader} so that later engines plug in
 * (docs/architecture.md §3). Engine names, their aliases and URL schemes all come from the plug-ins: a name no
 * plug-in of this build claims is an error naming the engines it has.
 */
public final class Engines {

    private static final List<Engine> ALL = load();

    /** Every lower-case id and alias, to its engine. */
    private static final Map<String, Engine> BY_NAME = names(ALL);

    private Engines() {
    }

    private static List<Engine> load() {
        List<Engine> engines = new ArrayList<>();
        ServiceLoader.load(Engine.class, Engines.class.getClassLoader()).forEach(engines::add);
        return List.copyOf(engines);
    }

    private static Map<String, Engine> names(List<Engine> engines) {
        Map<String, Engine> names = new HashMap<>();
        for (Engine engine : engines) {
            List<String> own = new ArrayList<>(engine.aliases());
            own.add(engine.id());
            for (String name : own) {
                Engine other = names.put(name, engine);
                if (other != null) {
                    throw new IllegalStateException("Engines " + other.id() + " and " + engine.id()
                            + " both claim the name '" + name + "'");
                }
            }
        }
        return Map.copyOf(names);
    }

    public static List<Engine> all() {
        return ALL;
    }

    /** The ids of this build's engines, in the order of the services file. */
    public static List<String> ids() {
        return ALL.stream().map(Engine::id).toList();
    }

    /** The engine a name (id or alias, any case) stands for, if this build has it. */
    public static Optional<Engine> find(String name) {
        return Optional.ofNullable(BY_NAME.get(lower(name)));
    }

    /**
     * The id of the engine a name stands for ({@code postgresql} → {@code postgres}, {@code sqlite3} →
     * {@code sqlite}); a name no engine of this build claims comes back lower-cased, to be reported.
     */
    public static String normalizeId(String name) {
        return find(name).map(Engine::id).orElse(lower(name));
    }

    /** The engine a name stands for; an unknown one is refused with a suggestion ({@link #didYouMean}). */
    public static Engine byId(String id) {
        return find(id).orElseThrow(() -> new MateyException("Unsupported engine '" + id + "': " + available()
                + didYouMean(id)));
    }

    /** " Did you mean 'x'?" for the engine id or alias closest to a mistyped engine name, or nothing. */
    public static String didYouMean(String typed) {
        return Suggestions.didYouMean(lower(typed), new TreeSet<>(BY_NAME.keySet()));
    }

    public static Engine forUrl(MateyUrl url) {
        String scheme = url.scheme();
        return find(baseScheme(scheme)).orElseThrow(() -> new MateyException("Unsupported database URL scheme '"
                + scheme + "' in " + url + ": " + available()));
    }

    /** Whether URLs of this scheme name a file ({@code sqlite3:path}) rather than a server. */
    static boolean fileScheme(String scheme) {
        return find(baseScheme(scheme)).map(Engine::fileUrls).orElse(false);
    }

    /** What an unknown engine's message says: the plug-ins this build has. */
    public static String available() {
        return "this build has engine plug-ins for " + String.join(", ", ids()) + ".";
    }

    /** {@code mysql+tcp} → {@code mysql}. */
    private static String baseScheme(String scheme) {
        int plus = scheme.indexOf('+');
        return plus >= 0 ? scheme.substring(0, plus) : scheme;
    }

    private static String lower(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
