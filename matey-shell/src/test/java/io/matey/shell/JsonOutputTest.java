package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report command's {@code --format json} has exactly the fields, order and types the README's "JSON output"
 * table documents: the table is read from the README itself, so the two cannot drift apart.
 */
class JsonOutputTest {

    private static final Path README = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z ]+)` \\| (.+) \\|$");
    private static final Pattern FIELD = Pattern.compile("`(\\w+)` ([a-z|\\\\]+)");

    @TempDir
    Path dir;

    @Test
    void everyReportMatchesTheReadme() throws Exception {
        Map<String, Map<String, String>> documented = documentedFields();
        assertThat(documented.keySet()).containsExactlyInAnyOrder("schema status", "schema plan", "schema apply", "db status",
                "db drift", "db plan", "data export", "data apply", "lint");
        targetAtHeadWithDataSet();
        for (Map.Entry<String, Map<String, String>> command : documented.entrySet()) {
            List<String> args = new ArrayList<>(List.of(command.getKey().split(" ")));
            args.addAll(List.of("--format", "json"));
            MateyProcess.Result result = MateyProcess.run(dir, env(), args.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s: %s", command.getKey(), result.stderr()).isZero();
            JsonNode array = new ObjectMapper().readTree(result.stdout());
            assertThat(array.isArray()).as(command.getKey()).isTrue();
            assertThat(array.size()).as(command.getKey()).isEqualTo(1);
            JsonNode object = array.get(0);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(command.getKey()).containsExactlyElementsOf(command.getValue().keySet());
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(hasType(field.getValue(), command.getValue().get(field.getKey())))
                        .as("%s: %s is %s, documented as %s", command.getKey(), field.getKey(), field.getValue(),
                                command.getValue().get(field.getKey()))
                        .isTrue();
            }
        }
    }

    /** A report whose JSON has {@code unloadable} prints those objects as {@code Unloadable:} lines: its help says so. */
    @Test
    void everyReportListingUnloadableObjectsSaysSoInItsHelp() throws Exception {
        List<String> listing = documentedFields().entrySet().stream()
                .filter(command -> command.getValue().containsKey("unloadable")).map(Map.Entry::getKey).toList();
        assertThat(listing).contains("db drift", "db plan");
        for (String command : listing) {
            List<String> args = new ArrayList<>(List.of("help"));
            args.addAll(List.of(command.split(" ")));
            MateyProcess.Result help = MateyProcess.run(dir, Map.of(), args.toArray(String[]::new));
            assertThat(help.stdout().replaceAll("\\s+", " ")).as(command)
                    .contains("is listed as Unloadable (JSON: unloadable)");
        }
    }

    @Test
    void plansInJsonCarryTheSchemaThatSqlPrints() throws Exception {
        targetAtHeadWithDataSet();
        for (String plan : List.of("schema", "db")) {
            String text = MateyProcess.run(dir, env(), plan, "plan", "--sql").stdout();
            assertThat(text).as(plan).contains("CREATE TABLE roles");
            JsonNode json = new ObjectMapper().readTree(MateyProcess.run(dir, env(), plan, "plan", "--sql", "--format",
                    "json").stdout()).get(0);
            assertThat(json.get("sql").asText().strip()).as(plan).isEqualTo(text.strip());
            assertThat(new ObjectMapper().readTree(MateyProcess.run(dir, env(), plan, "plan", "--format", "json")
                    .stdout()).get(0).get("sql").isNull()).as(plan).isTrue();
        }
    }

    private static Map<String, Map<String, String>> documentedFields() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("### JSON output"));
        Map<String, Map<String, String>> commands = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher field = FIELD.matcher(row.group(2));
                while (field.find()) {
                    fields.put(field.group(1), field.group(2).replace("\\", ""));
                }
                commands.put(row.group(1), fields);
            }
        }
        return commands;
    }

    private static boolean hasType(JsonNode value, String documented) {
        for (String type : documented.split("\\|")) {
            boolean matches = switch (type) {
                case "string" -> value.isTextual();
                case "integer" -> value.isIntegralNumber();
                case "boolean" -> value.isBoolean();
                case "array" -> value.isArray();
                case "object" -> value.isObject();
                case "null" -> value.isNull();
                default -> throw new AssertionError("unknown documented type " + type);
            };
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> env() {
        return Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
    }

    private void targetAtHeadWithDataSet() throws Exception {
        assertThat(MateyProcess.run(dir, env(), "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_roles.sql"), "-- migrate:up\nCREATE TABLE roles (id INTEGER NOT NULL "
                + "PRIMARY KEY, name TEXT);\n-- migrate:down\nDROP TABLE roles;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, env(), "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env(), "db", "up").exitCode()).isZero();
        Files.writeString(dir.resolve("data/data.toml"),
                "[core]\nfiles = [{ name = \"roles\", table = \"roles\", mode = \"replace\", order_by = \"id\" }]\n");
        Files.writeString(dir.resolve("data/roles.jsonl"), "{\"id\": 1, \"name\": \"admin\"}\n");
    }
}
