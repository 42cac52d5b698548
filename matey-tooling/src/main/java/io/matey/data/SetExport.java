package io.matey.data;

import io.matey.artifact.ArtifactJournal;
import io.matey.engine.Engine;
import io.matey.engine.EngineToolings;
import io.matey.engine.LockNotices;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code data export} for one set: every table is read in one transaction (a consistent snapshot where the engine
 * has one; an engine without transactions reads table after table), and the changed files are replaced together through the artifact journal, so an interrupted export
 * leaves either the old files or the new ones. An unchanged table's file is not touched.
 */
final class SetExport {

    private SetExport() {
    }

    static List<ExportedFile> export(Path targetDir, Connection connection, Engine engine, DataSet set,
            LockNotices notices) throws SQLException {
        DataDialect dialect = EngineToolings.of(engine).data();
        Map<String, byte[]> writes = new LinkedHashMap<>();
        List<ExportedFile> exported = new ArrayList<>();
        boolean snapshot = engine.transactions();
        if (snapshot) {
            connection.setAutoCommit(false);
            if (connection.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
        }
        try {
            for (DataFile file : set.files()) {
                LiveTable table = DataTables.resolve(connection, dialect, file);
                TableExport.Output output = TableExport.export(connection, dialect, file, table);
                boolean changed = !Arrays.equals(current(targetDir.resolve(file.path())), output.bytes());
                if (changed) {
                    writes.put(file.path(), output.bytes());
                }
                exported.add(new ExportedFile(file.name(), table.name(), file.mode(), output.rows(), changed));
            }
        } finally {
            if (snapshot) {
                connection.rollback();
            }
        }
        new ArtifactJournal(targetDir, notices).commit(writes, Set.of());
        return exported;
    }

    private static byte[] current(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new MateyException("Unable to read data file " + file + ": " + e.getMessage(), e);
        }
    }
}
