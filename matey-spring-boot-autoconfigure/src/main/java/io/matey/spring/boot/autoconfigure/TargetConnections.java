package io.matey.spring.boot.autoconfigure;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.core.env.PropertyResolver;

/**
 * Decides which targets the application manages and where each connects. Managed are the primary target and
 * every target under {@code matey.targets}, less those with {@code enabled=false}. A target connects through
 * the first of: its {@code data-source} bean, its {@code url}, its {@code url-env}; else the primary target uses
 * the application's connection ({@link PrimaryConnection}), and any target its {@code config.toml}
 * {@code url_env}.
 */
final class TargetConnections {

    private final MateyProperties properties;
    private final Workspace workspace;
    private final PrimaryConnection primaryConnection;
    private final Function<String, DataSource> namedDataSources;
    private final PropertyResolver environment;

    /**
     * @param primaryConnection where the primary target connects unless its settings say otherwise
     * @param namedDataSources  DataSource beans by name
     * @param environment       resolves URL variables (environment variables and properties alike)
     */
    TargetConnections(MateyProperties properties, Workspace workspace, PrimaryConnection primaryConnection,
            Function<String, DataSource> namedDataSources, PropertyResolver environment) {
        this.properties = properties;
        this.workspace = workspace;
        this.primaryConnection = primaryConnection;
        this.namedDataSources = namedDataSources;
        this.environment = environment;
    }

    MateyTargets resolve() {
        String primary = primaryTarget();
        Set<String> names = new LinkedHashSet<>();
        if (primary != null) {
            names.add(primary);
        }
        names.addAll(properties.getTargets().keySet());
        List<ManagedTarget> managed = new ArrayList<>();
        for (String name : names) {
            MateyProperties.Target settings = properties.getTargets().getOrDefault(name, new MateyProperties.Target());
            if (settings.isEnabled()) {
                TargetConfig config = workspace.target(name).orElseThrow(() -> new MateyException("Matey target '"
                        + name + "' is not in the workspace " + workspace.root() + ". Available targets: " + available()
                        + "."));
                managed.add(new ManagedTarget(config, endpoint(config, settings, name.equals(primary))));
            }
        }
        if (managed.isEmpty()) {
            throw new MateyException("No Matey target to manage in the workspace " + workspace.root() + " (targets: "
                    + available() + "). Set matey.primary-target, or list targets under matey.targets.");
        }
        return new MateyTargets(managed);
    }

    /** {@code matey.primary-target}, else the workspace's only target, else {@code .} when it has one. */
    private String primaryTarget() {
        if (properties.getPrimaryTarget() != null) {
            return properties.getPrimaryTarget();
        }
        if (workspace.targets().size() == 1) {
            return workspace.targets().get(0).name();
        }
        return workspace.target(".").map(TargetConfig::name).orElse(null);
    }

    private LiveEndpoint endpoint(TargetConfig config, MateyProperties.Target settings, boolean primary) {
        if (settings.getDataSource() != null) {
            return LiveEndpoint.of(namedDataSources.apply(settings.getDataSource()));
        }
        if (settings.getUrl() != null) {
            return LiveEndpoint.of(MateyUrl.parse(settings.getUrl()));
        }
        LiveEndpoint application = settings.getUrlEnv() == null && primary ? primaryConnection.endpoint() : null;
        if (application != null) {
            return application;
        }
        String variable = settings.getUrlEnv() != null ? settings.getUrlEnv() : config.urlEnv();
        String url = environment.getProperty(variable);
        if (url == null || url.isBlank()) {
            throw new MateyException("No live database for Matey target '" + config.name() + "': " + variable
                    + " is not set. Set it, or matey.targets.[" + config.name() + "].url or .data-source.");
        }
        return LiveEndpoint.of(MateyUrl.parse(url));
    }

    private String available() {
        return workspace.targets().stream().map(TargetConfig::name).collect(Collectors.joining(", "));
    }
}
