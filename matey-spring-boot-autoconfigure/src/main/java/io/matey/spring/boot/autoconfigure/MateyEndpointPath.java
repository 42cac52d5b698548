package io.matey.spring.boot.autoconfigure;

import io.matey.spring.boot.autoconfigure.actuate.MateyEndpoint;
import io.matey.spring.boot.autoconfigure.actuate.MateyEndpointWebPath;
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

    /** @return {@code /actuator/matey} (as {@link MateyEndpointWebPath} maps it), or null when not exposed */
    public static String of(ListableBeanFactory beanFactory, Environment environment) {
        // Without the actuator the endpoint class cannot be used: ask about it only when the actuator is there.
        if (!ClassUtils.isPresent(ACTUATOR, MateyEndpointPath.class.getClassLoader())
                || beanFactory.getBeanNamesForType(MateyEndpoint.class, false, false).length == 0) {
            return null;
        }
        return MateyEndpointWebPath.of(environment);
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
            return ofTarget(endpointPath, report.target());
        }
        String where = whereCommandsRun(workspace);
        return driftCommand(report, workspace) + (where.isEmpty() ? "" : ". " + where);
    }

    /** The {@code matey db drift} command that shows a target's diff, alone. */
    public static String driftCommand(TargetReport report, String workspace) {
        WorkspaceCommands commands = WorkspaceCommands.of(workspace);
        return commands.command("db drift " + commands.targetArguments(report));
    }

    /** The sentence saying where the commands of {@code workspace} run; empty when they run anywhere. */
    public static String whereCommandsRun(String workspace) {
        return WorkspaceCommands.of(workspace).where();
    }

    /** @return a target's page under the endpoint's {@code webPath}: {@code /actuator/matey/db/core}, {@code .../~} */
    public static String ofTarget(String webPath, String target) {
        // A constant: reading it loads no actuator class.
        return webPath + "/" + (target.equals(".") ? MateyEndpoint.ROOT_SEGMENT : target);
    }
}
