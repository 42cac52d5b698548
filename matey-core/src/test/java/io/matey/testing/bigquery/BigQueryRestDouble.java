package io.matey.testing.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQueryOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.matey.engine.bigquery.BigQueryClients;
import io.matey.testing.bigquery.DoubleCatalog.Column;
import io.matey.testing.bigquery.DoubleCatalog.Dataset;
import io.matey.testing.bigquery.DoubleCatalog.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A test double of the BigQuery REST API (v2), for driving the official client where neither BigQuery nor an
 * emulator can be reached. It serves the calls Matey's BigQuery engine makes — datasets insert/get/delete/list,
 * tables list/get/delete, routines list, jobs.query, jobs.insert, jobs.get, jobs.getQueryResults,
 * tabledata.insertAll — in their documented shapes (gzip request bodies included), over a real catalog that
 * {@link DoubleSql} changes and reads. It is not BigQuery: a call, statement or option it does not implement is
 * answered with HTTP 400 and "BigQueryRestDouble does not implement ...", never with a made-up success.
 */
public final class BigQueryRestDouble implements AutoCloseable {

    private static final String PREFIX = "/bigquery/v2/projects/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANONYMOUS_DATASET = "_double_anonymous";
    private static final String ANONYMOUS_TABLE = "anon_";

    private record Job(String project, String id, String location, JsonNode configuration, DoubleSql.Result result,
            DoubleError error) {
    }

    private final DoubleCatalog catalog = new DoubleCatalog();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    public BigQueryRestDouble() throws IOException {
        // without TCP_NODELAY each small response waits for the client's delayed ACK (~40 ms a call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code 127.0.0.1:port}, for a {@code bigquery-emulator://} URL. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Clients for any BigQuery URL that talk to this double (no credentials, no retries). */
    public BigQueryClients clients() {
        return url -> {
            BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(url.project())
                    .setHost("http://" + endpoint()).setCredentials(NoCredentials.getInstance())
                    .setRetrySettings(ServiceOptions.getNoRetrySettings());
            url.location().ifPresent(options::setLocation);
            return options.build().getService();
        };
    }

    /** The calls served so far, as {@code METHOD path}, with {@code (gzip)} for gzipped bodies, oldest first. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        calls.add(method + " " + path + (gzip ? " (gzip)" : ""));
        int status = 200;
        JsonNode response;
        try {
            if (!path.startsWith(PREFIX)) {
                throw DoubleError.notImplemented(method + " " + path);
            }
            JsonNode body = body(exchange, gzip);
            response = route(method, path.substring(PREFIX.length()).split("/"), query(exchange), body);
        } catch (DoubleError e) {
            status = e.status;
            response = error(e);
        } catch (RuntimeException e) {
            status = 500;
            response = error(new DoubleError(500, "internalError", "BigQueryRestDouble failed: " + e));
        }
        byte[] bytes = status == 204 ? new byte[0] : JSON.writeValueAsBytes(response);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode body(HttpExchange exchange, boolean gzip) throws IOException {
        try (InputStream raw = exchange.getRequestBody()) {
            byte[] bytes = (gzip ? new GZIPInputStream(raw) : raw).readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private JsonNode route(String method, String[] p, Map<String, String> query, JsonNode body) {
        String project = p[0];
        String route = method + " " + String.join("/", java.util.Arrays.copyOfRange(p, 1, p.length))
                .replaceAll("^datasets/[^/]+", "datasets/D").replaceAll("(tables|routines|jobs|queries)/[^/]+", "$1/X");
        return switch (route) {
            case "POST datasets" -> insertDataset(project, body);
            case "GET datasets" -> listDatasets(project);
            case "GET datasets/D" -> dataset(catalog.get(project, p[2]));
            case "DELETE datasets/D" -> {
                catalog.delete(project, p[2], "true".equals(query.get("deleteContents")));
                yield null;
            }
            case "GET datasets/D/tables" -> listTables(catalog.get(project, p[2]));
            case "GET datasets/D/tables/X" -> table(catalog.get(project, p[2]), p[4]);
            case "DELETE datasets/D/tables/X" -> {
                Dataset dataset = catalog.get(project, p[2]);
                synchronized (catalog) {
                    dataset.table(p[4]);
                    dataset.tables.remove(p[4]);
                }
                yield null;
            }
            case "POST datasets/D/tables/X/insertAll" -> insertAll(project, p[2], p[4], body);
            case "GET datasets/D/tables/X/data" -> tableData(project, p[2], p[4]);
            case "GET datasets/D/routines" -> listRoutines(catalog.get(project, p[2]));
            case "POST queries" -> queryResponse(runQuery(project, Optional.empty(), body), "bigquery#queryResponse");
            case "GET queries/X" -> {
                if ("true".equals(query.get("formatOptions.useInt64Timestamp"))) {
                    throw DoubleError.notImplemented("formatOptions.useInt64Timestamp (TIMESTAMP values are sent as seconds)");
                }
                yield queryResponse(job(project, p[2]), "bigquery#getQueryResultsResponse");
            }
            case "POST jobs" -> jobResource(insertJob(project, body));
            case "GET jobs/X" -> jobResource(job(project, p[2]));
            default -> throw DoubleError.notImplemented(method + " " + String.join("/", p));
        };
    }

    private JsonNode insertDataset(String project, JsonNode body) {
        JsonNode reference = body.path("datasetReference");
        String datasetProject = reference.path("projectId").asText(project);
        return dataset(catalog.create(datasetProject, reference.path("datasetId").asText(),
                body.hasNonNull("location") ? body.get("location").asText() : null));
    }

    private static ObjectNode dataset(Dataset dataset) {
        ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#dataset")
                .put("id", dataset.project + ":" + dataset.name).put("location", dataset.location);
        node.putObject("datasetReference").put("projectId", dataset.project).put("datasetId", dataset.name);
        return node;
    }

    private JsonNode listDatasets(String project) {
        ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#datasetList");
        ArrayNode list = node.putArray("datasets");
        catalog.list(project).forEach(d -> list.add(dataset(d)));
        return node;
    }

    private static JsonNode listTables(Dataset dataset) {
        ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#tableList");
        ArrayNode list = node.putArray("tables");
        synchronized (dataset) {
            for (Table table : dataset.tables.values()) {
                list.add(tableHead(dataset, table));
            }
        }
        return node.put("totalItems", list.size());
    }

    private static ObjectNode tableHead(Dataset dataset, Table table) {
        ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#table")
                .put("id", dataset.project + ":" + dataset.name + "." + table.name).put("type", table.view ? "VIEW" : "TABLE");
        node.putObject("tableReference").put("projectId", dataset.project).put("datasetId", dataset.name)
                .put("tableId", table.name);
        return node;
    }

    private JsonNode table(Dataset dataset, String name) {
        synchronized (catalog) {
            Table table = dataset.table(name);
            ObjectNode node = tableHead(dataset, table).put("location", dataset.location);
            if (table.view) {
                // the double does not derive a view's columns from its query, so it leaves out the schema
                return node.set("view", JSON.createObjectNode().put("query", table.viewQuery).put("useLegacySql", false));
            }
            node.put("numRows", String.valueOf(table.rows.size()));
            ArrayNode fields = node.putObject("schema").putArray("fields");
            for (Column c : table.columns) {
                ObjectNode field = DoubleLegacySchema.field(c.name(), c.type(), c.notNull());
                if (c.defaultValue() != null) {
                    field.put("defaultValueExpression", c.defaultValue());
                }
                if (c.description() != null) {
                    field.put("description", c.description());
                }
                fields.add(field);
            }
            if (!table.primaryKey.isEmpty()) {
                ArrayNode key = node.putObject("tableConstraints").putObject("primaryKey").putArray("columns");
                table.primaryKey.forEach(key::add);
            }
            // the Table resource's timePartitioning, clustering and description (tables.get)
            if (table.partitionColumn != null) {
                node.putObject("timePartitioning").put("type", "DAY").put("field", table.partitionColumn);
            }
            if (!table.clustering.isEmpty()) {
                ArrayNode clustering = node.putObject("clustering").putArray("fields");
                table.clustering.forEach(clustering::add);
            }
            if (table.description != null) {
                node.put("description", table.description);
            }
            return node;
        }
    }

    private JsonNode listRoutines(Dataset dataset) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode list = node.putArray("routines");
        synchronized (catalog) {
            for (DoubleCatalog.Routine routine : dataset.routines.values()) {
                ObjectNode entry = list.addObject().put("etag", routine.name()).put("routineType", routine.type())
                        .put("language", "SQL");
                entry.putObject("routineReference").put("projectId", dataset.project).put("datasetId", dataset.name)
                        .put("routineId", routine.name());
            }
        }
        return node;
    }

    /** tabledata.insertAll: rows of scalar values into a table's columns; bad rows come back as insertErrors. */
    private JsonNode insertAll(String project, String dataset, String tableName, JsonNode body) {
        synchronized (catalog) {
            Table table = DoubleSql.tableForInsertAll(catalog, project, dataset, tableName);
            ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#tableDataInsertAllResponse");
            ArrayNode errors = JSON.createArrayNode();
            List<Map<String, Object>> accepted = new ArrayList<>();
            JsonNode rows = body.path("rows");
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                Optional<String> problem = Optional.empty();
                for (Map.Entry<String, JsonNode> cell : rows.get(i).path("json").properties()) {
                    Optional<Column> column = table.columns.stream().filter(c -> c.name().equals(cell.getKey())).findFirst();
                    if (column.isEmpty()) {
                        problem = Optional.of("no such field: " + cell.getKey() + ".");
                    } else if (cell.getValue().isContainerNode()) {
                        throw DoubleError.notImplemented("insertAll of ARRAY or STRUCT values (column " + cell.getKey() + ")");
                    } else if (!cell.getValue().isNull()) {
                        try {
                            DoubleValues.checkInsertAllValue(column.get(), cell.getValue().asText());
                            row.put(column.get().name(), cell.getValue().asText());
                        } catch (DoubleError e) {
                            problem = Optional.of(e.getMessage());
                        }
                    }
                }
                try {
                    DoubleValues.checked(table, row);
                } catch (DoubleError e) {
                    problem = Optional.of(e.getMessage());
                }
                if (problem.isPresent()) {
                    ObjectNode error = errors.addObject().put("index", i);
                    error.putArray("errors").addObject().put("reason", "invalid").put("message", problem.get());
                } else {
                    accepted.add(row);
                }
            }
            if (errors.isEmpty()) {
                table.rows.addAll(accepted);
            } else {
                node.set("insertErrors", errors);
            }
            return node;
        }
    }

    /** tabledata.list: the rows of a table, or of a query's anonymous result table. */
    private JsonNode tableData(String project, String dataset, String table) {
        List<List<Object>> rows = new ArrayList<>();
        if (dataset.equals(ANONYMOUS_DATASET) && table.startsWith(ANONYMOUS_TABLE)) {
            rows = job(project, table.substring(ANONYMOUS_TABLE.length())).result.rows();
        } else {
            synchronized (catalog) {
                Table found = DoubleSql.tableForInsertAll(catalog, project, dataset, table);
                for (Map<String, Object> row : found.rows) {
                    rows.add(found.columns.stream().map(c -> row.get(c.name())).toList());
                }
            }
        }
        ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#tableDataList");
        node.set("rows", rows(rows));
        return node.put("totalRows", String.valueOf(rows.size()));
    }

    private static ArrayNode rows(List<List<Object>> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (List<Object> row : rows) {
            array.add(record(row));
        }
        return array;
    }

    /** A row or STRUCT value: {@code {"f": [{"v": cell}, ...]}}. */
    private static ObjectNode record(java.util.Collection<?> cells) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode fields = node.putArray("f");
        cells.forEach(v -> fields.addObject().set("v", cell(v)));
        return node;
    }

    /** A cell as tabledata rows carry it: scalars as text, an ARRAY as {@code [{"v": ...}]}, a STRUCT as a record. */
    private static JsonNode cell(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode elements = JSON.createArrayNode();
            list.forEach(v -> elements.addObject().set("v", cell(v)));
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            return record(map.values());
        }
        return value == null ? JSON.nullNode() : JSON.getNodeFactory().textNode(String.valueOf(value));
    }

    private Job runQuery(String project, Optional<JsonNode> jobReference, JsonNode config) {
        if (config.path("useLegacySql").asBoolean(true)) { // the REST default is legacy SQL
            throw DoubleError.notImplemented("legacy SQL (set useLegacySql to false)");
        }
        for (String option : List.of("dryRun", "destinationTable", "connectionProperties")) {
            if (config.has(option) && !(config.get(option).isArray() && config.get(option).isEmpty())
                    && !(config.get(option).isBoolean() && !config.get(option).asBoolean())) {
                throw DoubleError.notImplemented("the query option " + option);
            }
        }
        if (config.path("formatOptions").path("useInt64Timestamp").asBoolean(false)) {
            throw DoubleError.notImplemented("formatOptions.useInt64Timestamp (TIMESTAMP values are sent as seconds)");
        }
        String defaultDataset = config.path("defaultDataset").path("datasetId").asText(null);
        String queryProject = config.path("defaultDataset").path("projectId").asText(project);
        String id = jobReference.map(r -> r.path("jobId").asText()).filter(s -> !s.isEmpty())
                .orElse("double_" + UUID.randomUUID().toString().replace("-", ""));
        String location = jobReference.map(r -> r.path("location").asText(null)).orElse(config.path("location").asText("US"));
        Job job;
        try {
            job = new Job(project, id, location, config,
                    new DoubleSql(catalog, queryProject, defaultDataset, config.path("query").asText(), DoubleParameters.of(config))
                            .run(), null);
        } catch (DoubleError e) {
            if (jobReference.isEmpty()) {
                throw e;
            }
            job = new Job(project, id, location, config, null, e);
        }
        jobs.put(project + ":" + id, job);
        return job;
    }

    private Job insertJob(String project, JsonNode body) {
        JsonNode configuration = body.path("configuration");
        if (!configuration.has("query")) {
            throw DoubleError.notImplemented("jobs other than queries");
        }
        if (jobs.containsKey(project + ":" + body.path("jobReference").path("jobId").asText())) {
            throw DoubleError.duplicate("Job " + project + ":" + body.path("jobReference").path("jobId").asText());
        }
        return runQuery(project, Optional.of(body.path("jobReference")), configuration.get("query"));
    }

    private Job job(String project, String id) {
        Job job = jobs.get(project + ":" + id);
        if (job == null) {
            throw DoubleError.notFound("Job " + project + ":" + id);
        }
        return job;
    }

    private static ObjectNode jobReference(ObjectNode parent, Job job) {
        return parent.putObject("jobReference").put("projectId", job.project).put("jobId", job.id)
                .put("location", job.location);
    }

    private static JsonNode jobResource(Job job) {
        ObjectNode node = JSON.createObjectNode().put("kind", "bigquery#job")
                .put("id", job.project + ":" + job.location + "." + job.id);
        jobReference(node, job);
        ObjectNode configuration = node.putObject("configuration").put("jobType", "QUERY");
        ObjectNode query = configuration.putObject("query");
        query.setAll((ObjectNode) job.configuration);
        if (job.result != null && job.result.statementType().equals("SELECT")) {
            // BigQuery writes every query result to an anonymous table and names it here
            query.putObject("destinationTable").put("projectId", job.project).put("datasetId", ANONYMOUS_DATASET)
                    .put("tableId", ANONYMOUS_TABLE + job.id);
        }
        ObjectNode status = node.putObject("status").put("state", "DONE");
        if (job.error != null) {
            ObjectNode error = status.putObject("errorResult").put("reason", job.error.reason)
                    .put("message", job.error.getMessage());
            status.putArray("errors").add(error.deepCopy());
        }
        ObjectNode statistics = node.putObject("statistics").put("creationTime", "0").put("startTime", "0")
                .put("endTime", "0");
        if (job.result != null) {
            ObjectNode queryStatistics = statistics.putObject("query").put("statementType", job.result.statementType());
            if (!job.result.statementType().equals("SELECT")) {
                queryStatistics.put("numDmlAffectedRows", String.valueOf(job.result.affectedRows()));
            }
        }
        return node;
    }

    private static JsonNode queryResponse(Job job, String kind) {
        if (job.error != null) {
            throw job.error;
        }
        ObjectNode node = JSON.createObjectNode().put("kind", kind).put("jobComplete", true);
        jobReference(node, job);
        DoubleSql.Result result = job.result;
        if (!result.schema().isEmpty()) {
            ArrayNode fields = node.putObject("schema").putArray("fields");
            result.schema().forEach(f -> fields.add(DoubleLegacySchema.field(f.name(), f.type(), false)));
        }
        node.set("rows", rows(result.rows()));
        node.put("totalRows", String.valueOf(result.rows().size()));
        if (!result.statementType().equals("SELECT")) {
            node.put("numDmlAffectedRows", String.valueOf(result.affectedRows()));
        }
        return node;
    }

    private static JsonNode error(DoubleError e) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode error = node.putObject("error").put("code", e.status).put("message", e.getMessage());
        error.putArray("errors").addObject().put("reason", e.reason).put("message", e.getMessage())
                .put("domain", "global");
        return node;
    }
}
