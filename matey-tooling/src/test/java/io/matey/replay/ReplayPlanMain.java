package io.matey.replay;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code schema plan} of a {@link TestWorkspace} in a process of its own, for {@link PreexistingAccountGrantsTest}.
 * Arguments: the workspace root and its test server URL. Prints each notice, then {@code planned}.
 */
public final class ReplayPlanMain {

    private ReplayPlanMain() {
    }

    public static void main(String[] args) {
        ScratchDatabase.reportLeftoversTo(System.out::println);
        Matey matey = new Matey(Path.of(args[0]), null, Map.of("DB_CORE_TEST_DATABASE_URL", args[1]));
        new MateyTools(matey).schemaPlan(matey.target(TestWorkspace.TARGET), ReplayOptions.defaults(), line -> { });
        System.out.println("planned");
    }
}
