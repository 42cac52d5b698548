package io.matey.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.springframework.beans.factory.BeanFactory;

/**
 * The start-up reports that left migrations pending, kept per bean factory beyond its beans: a start-up that fails
 * later (JPA validating tables the migrations would create) destroys every bean before Boot's failure analyzers run,
 * so {@link MateyPendingMigrationsFailureAnalyzer} finds them here, by the bean factory it is given. Weak keys: a
 * closed context's entry goes with its bean factory.
 */
final class StartUpFindings {

    private static final Map<BeanFactory, List<TargetReport>> PENDING =
            Collections.synchronizedMap(new WeakHashMap<>());

    private StartUpFindings() {
    }

    static void pending(BeanFactory beanFactory, TargetReport report) {
        PENDING.computeIfAbsent(beanFactory, key -> Collections.synchronizedList(new ArrayList<>())).add(report);
    }

    /** The reports with pending migrations of the start-up of this bean factory's context, empty when none. */
    static List<TargetReport> pending(BeanFactory beanFactory) {
        List<TargetReport> reports = PENDING.get(beanFactory);
        return reports == null ? List.of() : List.copyOf(reports);
    }
}
