package io.matey.shell.command;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.migration.NewMigration;
import io.matey.migration.SqlStatement;
import io.matey.migration.StatementSplitter;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a drift draft as new migrations ({@code db new NAME --from-drift}). Where dbmate runs one statement per
 * section (ClickHouse refuses a request of several, L015) and the target is run by dbmate, each up statement becomes
 * a migration of its own, in order, with the down statement that undoes it: the draft undoes its statements in the
 * reverse order, one each (docs/architecture.md §5). A draft that leaves part of the drift to the author stays one
 * file, whose comments say what to write.
 */
final class DraftMigrations {

    private static final String UP = "-- migrate:up\n";
    private static final String DOWN = "-- migrate:down\n";

    private DraftMigrations() {
    }

    /** The files written, in the order they run. */
    static List<Path> write(TargetConfig target, String name, String draft) {
        Path migrations = target.dir().resolve("migrations");
        Engine engine = Engines.byId(target.engine());
        List<String> files = engine.lint().oneStatementPerRequest() && !target.allowNonDbmateFiles()
                ? split(draft, new StatementSplitter(engine.dialect())) : List.of(draft);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            written.add(NewMigration.create(migrations, files.size() == 1 ? name : name + "_" + (i + 1),
                    Clock.systemUTC(), files.get(i)));
        }
        return written;
    }

    /**
     * One file per up statement with its undo, or the draft whole when its sections do not pair so; a warning the
     * draft opens with (live text the server would not load again) heads the first file.
     */
    static List<String> split(String draft, StatementSplitter splitter) {
        int up = draft.indexOf(UP);
        int down = draft.indexOf("\n" + DOWN);
        if (up < 0 || down < 0 || draft.contains("-- Not drafted as SQL") || draft.contains("-- Undo")) {
            return List.of(draft);
        }
        List<SqlStatement> ups = splitter.split(draft.substring(up + UP.length(), down));
        List<SqlStatement> downs = splitter.split(draft.substring(down + 1 + DOWN.length()));
        if (ups.size() < 2 || ups.size() != downs.size()) {
            return List.of(draft);
        }
        List<String> files = new ArrayList<>();
        for (int i = 0; i < ups.size(); i++) {
            files.add((i == 0 ? draft.substring(0, up) : "") + UP + ups.get(i).sql().strip() + ";\n\n" + DOWN
                    + downs.get(ups.size() - 1 - i).sql().strip() + ";\n");
        }
        return files;
    }
}
