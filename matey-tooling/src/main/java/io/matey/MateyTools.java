package io.matey;

import io.matey.data.DataApplyResult;
import io.matey.data.DataExportResult;
import io.matey.data.LiveData;
import io.matey.lint.Finding;
import io.matey.lint.Linter;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.replay.SchemaPlanResult;
import io.matey.replay.SchemaReplay;
import io.matey.workspace.TargetConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * The command line's half of the façade: lint, schema status, plan and apply, data sets. It lives in matey-tooling,
 * which applications do not ship (docs/architecture.md §1), and reads its environment and lock waits from the
 * {@link Matey} it wraps.
 */
public final class MateyTools {

    private final Matey matey;

    public MateyTools(Matey matey) {
        this.matey = matey;
    }

    /** {@code lint}: the target's findings ({@link Linter#lint}). */
    public List<Finding> lint(TargetConfig target, Linter.Options options) {
        return Linter.lint(target, options, matey.locks().notices());
    }

    public List<SchemaStatus> schemaStatus(String path, boolean all) {
        return matey.targetsEach(path, all).values().stream().map(config -> schemaStatus(config.get())).toList();
    }

    public SchemaStatus schemaStatus(TargetConfig target) {
        return SchemaStatusCheck.check(target, matey.locks().notices());
    }

    public SchemaPlanResult schemaPlan(TargetConfig target, ReplayOptions options, Consumer<String> progress) {
        return new SchemaReplay(matey.env(), progress, matey.locks()).plan(target, options);
    }

    public SchemaApplyResult schemaApply(String path, ReplayOptions options, Consumer<String> progress) {
        return new SchemaReplay(matey.env(), progress, matey.locks()).apply(matey.target(path), options);
    }

    /** {@code data export}: the set's tables into their JSONL files ({@code set} null: the only set). */
    public DataExportResult dataExport(TargetConfig target, String url, String set) {
        return new LiveData(matey.env(), matey.locks().notices()).export(target, url, set);
    }

    /** {@code data apply}: the set's JSONL files into their tables, in one transaction. */
    public DataApplyResult dataApply(TargetConfig target, String url, String set) {
        return new LiveData(matey.env(), matey.locks().notices()).apply(target, url, set);
    }

    /** The names of the target's data sets, in manifest order. */
    public List<String> dataSets(TargetConfig target) {
        return new LiveData(matey.env(), matey.locks().notices()).sets(target);
    }
}
