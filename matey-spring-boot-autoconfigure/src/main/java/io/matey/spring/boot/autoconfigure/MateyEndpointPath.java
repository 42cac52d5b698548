package io.matey.spring.boot.autoconfigure;

import io.matey.spring.boot.autoconfigure.actuate.MateyEndpoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The web path of the matey endpoint, for start-up log lines and health details that point at a target's diff. The
 * endpoint bean exists only when Boot makes it available (its access and exposure), so its presence answers
 * whether to point there; else they give the {@code matey db drift} command.
 */
public final class MateyEndpointPath {

    private static final String ACTUATOR = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

    private MateyEndpointPath() {
    }

    /** @return {@code /actuator/matey} (per {@code management.endpoints.web.base-path}), or null when not exposed */
    public static String of(ListableBeanFactory beanFactory, Environment environment) {
        // Without the actuator the endpoint class cannot be used: ask about it only when the actuator is there.
        if (!ClassUtils.isPresent(ACTUATOR, MateyEndpointPath.class.getClassLoader())
                || beanFactory.getBeanNamesForType(MateyEndpoint.class, false, false).length == 0) {
            return null;
        }
        return webPath(environment);
    }

    /**
     * Where a target's diff is: the endpoint's page of it ({@code /actuator/matey/db/core}, the root target
     * {@code ~}), else the command that shows it, with where to run it.
     *
     * @param endpointPath the result of {@link #of}, null when the endpoint is not exposed
     * @param workspace    {@code matey.workspace}, which the command names
     */
    public static String diffOf(TargetReport report, String endpointPath, String workspace) {
        if (endpointPath != null) {
            // A constant: reading it loads no actuator class.
            return endpointPath + "/" + (report.target().equals(".") ? MateyEndpoint.ROOT_SEGMENT : report.target());
        }
        WorkspaceCommands commands = WorkspaceCommands.of(workspace);
        return commands.command("db drift " + FailureText.targetArguments(report))
                + (commands.where().isEmpty() ? "" : ". " + commands.where());
    }

    /** @return {@code /actuator/matey} per {@code management.endpoints.web.base-path}, exposed or not */
    private static String webPath(Environment environment) {
        String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        return (base.endsWith("/") ? base : base + "/") + "matey";
    }
}
