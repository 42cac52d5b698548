package io.matey.replay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The lines a test's replays report (dropped roles, restored grants), captured for each test and then let go. */
final class CapturedNotices implements BeforeEachCallback, AfterEachCallback {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        ScratchDatabase.reportLeftoversTo(lines::add);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScratchDatabase.reportLeftoversTo(line -> { });
    }
}
