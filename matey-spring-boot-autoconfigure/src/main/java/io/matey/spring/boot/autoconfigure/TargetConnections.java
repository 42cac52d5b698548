package io.matey.spring.boot.autoconfigure;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.PropertyResolver;

/**
 * Decides which targets the application manages and where each connects. Managed are the primary target and
 * every target under {@code matey.targets}, less those with {@code enabled=false}. A target connects through
 * the first of: its {@code data-source} bean, its {@code url}, its {@code url-env}; else the primary target uses
 * the application's connection ({@link PrimaryConnection}), and any target its {@code config.toml}
 * {@code url_env}. A URL that a client the application configured serves ({@link ApplicationClient}: its BigQuery
 * bean) connects through that client; the primary target of such an engine skips the application's JDBC
 * connection, which cannot reach it. Only the managed targets' {@code config.toml} files are read: a target the
 * application does not check cannot stop it.
 */
final class TargetConnections {

    private static final Log logger = LogFactory.getLog(TargetConnections.class);

    private final MateyProperties properties;
    private final Workspace workspace;
    private final PrimaryConnection primaryConnection;
    private final Function<String, DataSource> namedDataSources;
    private final PropertyResolver environment;
    private final List<ApplicationClient> clients;
    /** The DataSource each target connects through, filled by {@link #resolve}. */
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();

    /**
     * @param primaryConnection where the primary target connects unless its settings say otherwise
     * @param namedDataSources  DataSource beans by name
     * @param environment       resolves URL variables (environment variables and properties alike)
     * @param clients           the application's clients for engines that do not connect through JDBC
     */
    TargetConnections(MateyProperties properties, Workspace workspace, PrimaryConnection primaryConnection,
            Function<String, DataSource> namedDataSources, PropertyResolver environment, List<ApplicationClient> clients) {
        this.properties = properties;
        this.workspace = workspace;
        this.primaryConnection = primaryConnection;
        this.namedDataSources = namedDataSources;
        this.environment = environment;
        this.clients = clients;
    }

    MateyTargets resolve() {
        String primary = primaryTarget();
        if (primary == null && primaryConnection.offered() && !mapsDataSources()) {
            throw new MateyException("The application's database (its DataSource, @MateyDataSource or "
                    + "MateyConnectionDetails) is served by no Matey target: the workspace " + workspace.root()
                    + " has several targets (" + available() + ") and none is the root target '.'. Set "
                    + "matey.primary-target to the target whose migrations it runs, so that Matey checks it.");
        }
        Set<String> names = new LinkedHashSet<>();
        if (primary != null) {
            names.add(primary);
        }
        names.addAll(properties.getTargets().keySet());
        List<ManagedTarget> managed = new ArrayList<>();
        for (String name : names) {
            MateyProperties.Target settings = properties.getTargets().getOrDefault(name, new MateyProperties.Target());
            if (settings.isEnabled()) {
                TargetConfig config = workspace.target(name).orElseThrow(() -> new MateyUnknownTargetException(name,
                        name.equals(properties.getPrimaryTarget()) ? "matey.primary-target" : "matey.targets.[" + name
                        + "]", workspace.root().toString(), workspace.targetNames()));
                managed.add(managed(config, settings, name.equals(primary)));
            }
        }
        if (managed.isEmpty()) {
            throw new MateyException("No Matey target to manage in the workspace " + workspace.root() + " (targets: "
                    + available() + "). Set matey.primary-target, or list targets under matey.targets.");
        }
        logUnmanaged(managed);
        return new MateyTargets(managed);
    }

    /** The DataSource each target {@link #resolve} returned connects through, by target; not those with a URL. */
    Map<String, DataSource> dataSources() {
        return dataSources;
    }

    /**
     * A workspace target left out (a forgotten url-env, say) would otherwise go unchecked without a word; one
     * disabled on purpose is named as such, not given advice to connect it.
     */
    private void logUnmanaged(List<ManagedTarget> managed) {
        Set<String> names = managed.stream().map(ManagedTarget::name).collect(Collectors.toSet());
        List<String> unmanaged = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (String name : workspace.targetNames()) {
            if (!names.contains(name)) {
                MateyProperties.Target settings = properties.getTargets().get(name);
                (settings != null && !settings.isEnabled() ? disabled : unmanaged).add(name);
            }
        }
        if (unmanaged.isEmpty() && disabled.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("Matey checks target").append(names.size() == 1 ? " '" : "s '")
                .append(String.join("', '", names)).append("'");
        if (!unmanaged.isEmpty()) {
            line.append("; this application does not check the workspace's ")
                    .append(unmanaged.size() == 1 ? "target '" : "targets '").append(String.join("', '", unmanaged))
                    .append("': give ").append(properties(unmanaged, ""))
                    .append(" a url, url-env or data-source to check ").append(unmanaged.size() == 1 ? "it" : "them")
                    .append(" here");
        }
        if (!disabled.isEmpty()) {
            line.append("; ").append(disabled.size() == 1 ? "target '" : "targets '")
                    .append(String.join("', '", disabled)).append(disabled.size() == 1 ? "' is" : "' are")
                    .append(" disabled by ").append(properties(disabled, ".enabled=false"));
        }
        logger.info(line);
    }

    /** A target given a DataSource bean by name: the application says itself which of its connections Matey checks. */
    private boolean mapsDataSources() {
        return properties.getTargets().values().stream().anyMatch(settings -> settings.getDataSource() != null);
    }

    /** {@code matey.targets.[a]<suffix> and matey.targets.[b]<suffix>}. */
    private static String properties(List<String> targets, String suffix) {
        return targets.stream().map(name -> "matey.targets.[" + name + "]" + suffix)
                .collect(Collectors.joining(" and "));
    }

    /** {@code matey.primary-target}, else the workspace's only target, else {@code .} when it has one. */
    private String primaryTarget() {
        if (properties.getPrimaryTarget() != null) {
            return properties.getPrimaryTarget();
        }
        List<String> names = workspace.targetNames();
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.contains(".") ? "." : null;
    }

    /** The target with its endpoint and where that came from ({@link ManagedTarget#source}). */
    private ManagedTarget managed(TargetConfig config, MateyProperties.Target settings, boolean primary) {
        String prefix = "matey.targets.[" + config.name() + "]";
        if (settings.getDataSource() != null) {
            String source = "the DataSource bean '" + settings.getDataSource() + "' (" + prefix + ".data-source)";
            DataSource dataSource = namedDataSources.apply(settings.getDataSource());
            dataSources.put(config.name(), dataSource);
            return new ManagedTarget(config, DataSourceConnection.of(config, dataSource, source), source);
        }
        if (settings.getUrl() != null) {
            return new ManagedTarget(config, urlEndpoint(config.name(), settings.getUrl(), prefix + ".url"),
                    prefix + ".url");
        }
        LiveEndpoint application = settings.getUrlEnv() == null && primary && !hasClient(config)
                ? primaryConnection.endpoint(config) : null;
        if (application != null) {
            if (primaryConnection.dataSource() != null) {
                dataSources.put(config.name(), primaryConnection.dataSource());
            }
            return new ManagedTarget(config, application, primaryConnection.source());
        }
        String variable = settings.getUrlEnv() != null ? settings.getUrlEnv() : config.urlEnv();
        String url = environment.getProperty(variable);
        String unchosen = settings.getUrlEnv() == null && primary ? primaryConnection.unchosen(config.name()) : null;
        if ((url == null || url.isBlank()) && unchosen != null) {
            throw new MateyNoDatabaseException(config.name(), "the application has " + unchosen);
        }
        if (url == null || url.isBlank()) {
            throw new MateyNoDatabaseException(config.name(), variable + " is not set. Set it, or matey.targets.["
                    + config.name() + "].url or .data-source.");
        }
        return new ManagedTarget(config, urlEndpoint(config.name(), url, variable), variable + " ("
                + (settings.getUrlEnv() != null ? prefix + ".url-env" : "url_env of its config.toml") + ")");
    }

    /** @param source where the URL was given, which an invalid URL's message names with the target */
    private LiveEndpoint urlEndpoint(String target, String text, String source) {
        MateyUrl url;
        try {
            url = MateyUrl.parse(text);
        } catch (MateyException e) {
            // Without the cause, whose message this one repeats: a user's error needs no parser's stack.
            throw new MateyException(e.reason(), "Matey target '" + target + "', " + source + ": " + e.getMessage());
        }
        return clients.stream().flatMap(client -> client.endpoint(url).stream()).findFirst()
                .orElseGet(() -> LiveEndpoint.of(url));
    }

    private boolean hasClient(TargetConfig config) {
        String engine = Engines.normalizeId(config.engine());
        return clients.stream().anyMatch(client -> client.engine().equals(engine));
    }

    private String available() {
        // Quoted: the root target '.' would otherwise read as a full stop.
        return workspace.targetNames().stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
