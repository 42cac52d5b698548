package io.matey.shell.command;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.data.AppliedFile;
import io.matey.data.DataApplyResult;
import io.matey.data.DataExportResult;
import io.matey.data.ExportedFile;
import io.matey.shell.CommandFacade;
import io.matey.shell.Console;
import io.matey.shell.Json;
import io.matey.shell.ReportFormat;
import io.matey.shell.TextTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

@Command(command = "data", group = "Data sets")
class DataCommands {

    private final Console console;

    DataCommands(Console console) {
        this.console = console;
    }

    @Command(command = "export", description = "Write each table of a data set to its data/<name>.jsonl (one row per "
            + "line, sorted keys, ordered by order_by, else on, else the primary key); needs the live schema at the "
            + "worktree head. Example: matey data export --set core")
    void export(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "set", description = "Data set in data/data.toml (default: the only one)") @OptionValues(provider = "dataSets") String set,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace);
        DataExportResult result = new MateyTools(matey).dataExport(matey.target(path), url, set);
        if (format == ReportFormat.JSON) {
            console.print(Json.render(json(result.target(), result.set(), result.files().stream().map(f -> {
                Map<String, Object> file = file(f.file(), f.table(), f.mode().id(), f.rows());
                file.put("changed", f.changed());
                return file;
            }).toList())));
            return;
        }
        TextTable table = new TextTable("File", "Table", "Mode", "Rows");
        result.files().forEach(f -> table.row(f.file(), f.table(), f.mode().id(), f.rows()));
        long changed = result.files().stream().filter(ExportedFile::changed).count();
        console.print("Data export set: " + result.set() + "\n" + table.render() + "Changed files: " + changed
                + "  Unchanged: " + (result.files().size() - changed) + "\n");
    }

    @Command(command = "apply", description = "Write a data set's JSONL files into their tables (replace, upsert or "
            + "insert) in one transaction; needs the live schema at the worktree head. Example: matey data apply --set core")
    void apply(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "set", description = "Data set in data/data.toml (default: the only one)") @OptionValues(provider = "dataSets") String set,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace);
        DataApplyResult result = new MateyTools(matey).dataApply(matey.target(path), url, set);
        if (format == ReportFormat.JSON) {
            console.print(Json.render(json(result.target(), result.set(), result.files().stream().map(f -> {
                Map<String, Object> file = file(f.file(), f.table(), f.mode().id(), f.rows());
                file.put("inserted", f.inserted());
                file.put("updated", f.updated());
                file.put("deleted", f.deleted());
                file.put("expired", f.expired());
                return file;
            }).toList())));
            return;
        }
        TextTable table = new TextTable("File", "Table", "Mode", "Rows", "Inserted", "Updated", "Deleted");
        for (AppliedFile f : result.files()) {
            table.row(f.file(), f.table(), f.mode().id(), f.rows(), f.inserted(), f.updated(), f.deleted());
        }
        StringBuilder expired = new StringBuilder();
        result.files().stream().filter(f -> f.expired() > 0).forEach(f -> expired.append("Dropped by TTL: ")
                .append(f.expired()).append(" of the rows ").append(f.file()).append(" wrote into ").append(f.table())
                .append(" had already expired, so the table did not keep them.\n"));
        console.print("Data set: " + result.set() + "\n" + table.render() + expired);
    }

    /** Like every report: an array with one object per target (here always one). */
    private static List<Map<String, Object>> json(String target, String set, List<Map<String, Object>> files) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("set", set);
        json.put("files", files);
        return List.of(json);
    }

    private static Map<String, Object> file(String name, String table, String mode, int rows) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", name);
        file.put("table", table);
        file.put("mode", mode);
        file.put("rows", rows);
        return file;
    }
}
