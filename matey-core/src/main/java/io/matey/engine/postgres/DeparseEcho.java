package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Makes the dump a fixed point by construction (docs/architecture.md §5). PostgreSQL's deparser does not always
 * print text that parses back to the same tree: {@code name IN ('a', 'b')} on a varchar column is stored as one
 * tree, printed as {@code = ANY ((ARRAY[...])::text[])}, and that text is stored as another tree, printed
 * differently. So each deparsed expression (CHECK and EXCLUDE constraints, index tails, view bodies, defaults,
 * policy expressions) is created again on a temporary object and read back until the text stops changing; that
 * text is what the dump writes, and what loading it gives back. All echoes of a round run in one batch and are
 * read in one query (a turn more for each further table of a name another schema's table has, where both have
 * texts that name their table: {@link EchoTables}); the temporary objects are rolled back. Readers get a
 * placeholder at once and the rendered dump has them replaced, so the readers keep building statements in one
 * pass. A live database's report ({@code db drift}) may hold text the server would not load back (a default
 * calling a function that reads a renamed table): there the object is written as read and named as a finding
 * instead of failing the dump (docs/architecture.md §7).
 */
final class DeparseEcho {

    /** More rounds than any known deparse needs (one to settle, one to confirm). */
    private static final int MAX_ROUNDS = 5;

    private static final Pattern SEQUENCE_DEFAULT = Pattern.compile("nextval\\('(?:[^']|'')+'::regclass\\)");

    /**
     * Built-in calls without arguments (a function printed unqualified is pg_catalog's: the dump's search_path is
     * empty) to the type they return: as the default of a column of exactly that type there is no cast, and the
     * server's own function reads no table, so the call loads back as the same tree, printed the same.
     */
    private static final Map<String, String> BUILT_IN_CALL_TYPES = Map.of(
            "now()", "timestamp with time zone",
            "CURRENT_TIMESTAMP", "timestamp with time zone",
            "CURRENT_DATE", "date",
            "LOCALTIMESTAMP", "timestamp without time zone",
            "clock_timestamp()", "timestamp with time zone",
            "statement_timestamp()", "timestamp with time zone",
            "transaction_timestamp()", "timestamp with time zone",
            "gen_random_uuid()", "uuid",
            "random()", "double precision");

    private static final char OPEN = '\u0001';
    private static final char CLOSE = '\u0002';

    private enum Shape {
        CONSTRAINT, DOMAIN_CHECK, INDEX_TAIL, VIEW, DEFAULT, GENERATED, POLICY_USING, POLICY_CHECK
    }

    /** One deparsed text, the object it belongs to (for messages) and what it is echoed against. */
    private static final class Request {
        final int id;
        final Shape shape;
        final String context;
        final String label;
        String text;

        Request(int id, Shape shape, String context, String label, String text) {
            this.id = id;
            this.shape = shape;
            this.context = context;
            this.label = label;
            this.text = text;
        }
    }

    private record Key(Shape shape, String context, String text) {
    }

    private final Map<Key, Request> requests = new LinkedHashMap<>();
    private final EchoTables tables = new EchoTables();
    /** Told what would not load again; null for a dump that must be a fixed point, which fails instead. */
    private final Consumer<String> unloadable;
    private final Set<Request> unechoed = new HashSet<>();
    /** The database's event triggers that fire on the echo's objects; null where it has none. */
    private EchoEventTriggers eventTriggers;
    private int echoes;

    DeparseEcho() {
        this(null);
    }

    /** @param unloadable told, for each object whose text would not load again, what it is and why; null: fail */
    DeparseEcho(Consumer<String> unloadable) {
        this.unloadable = unloadable;
    }

    /** A CHECK or EXCLUDE constraint definition of table {@code relation}. */
    String constraint(String relation, String definition, String label) {
        return request(Shape.CONSTRAINT, relation, definition, label);
    }

    /** A CHECK constraint definition of a domain over {@code baseType}. */
    String domainCheck(String baseType, String definition, String label) {
        return request(Shape.DOMAIN_CHECK, baseType, definition, label);
    }

    /** What follows {@code CREATE INDEX name ON table} in an index definition: {@code " USING ..."}. */
    String indexTail(String relation, String tail, String label) {
        return request(Shape.INDEX_TAIL, relation, tail, label);
    }

    String view(String definition, String label) {
        return request(Shape.VIEW, "", definition, label);
    }

    /**
     * A column default, which cannot reference columns, so only its type matters. A serial column's
     * {@code nextval('seq'::regclass)} is a function call on a constant, which parses back to the same tree, so
     * it is not echoed: a table of serial columns would otherwise cost one echo each. Nor is a built-in call such
     * as {@code now()} on a column of its own type ({@link #BUILT_IN_CALL_TYPES}): a schema whose only deparsed
     * texts are those needs no scratch transaction at all, which a verifying start-up would otherwise wait for.
     */
    String columnDefault(String type, String expression, String label) {
        if (expression != null && (SEQUENCE_DEFAULT.matcher(expression).matches()
                || type.equals(BUILT_IN_CALL_TYPES.get(expression)))) {
            return expression;
        }
        return request(Shape.DEFAULT, type, expression, label);
    }

    /** A stored generated column's expression over the columns of {@code relation}. */
    String generated(String relation, String type, String expression, String label) {
        return request(Shape.GENERATED, relation + "\u0000" + type, expression, label);
    }

    String policyUsing(String relation, String expression, String label) {
        return request(Shape.POLICY_USING, relation, expression, label);
    }

    String policyCheck(String relation, String expression, String label) {
        return request(Shape.POLICY_CHECK, relation, expression, label);
    }

    private String request(Shape shape, String context, String text, String label) {
        if (text == null) {
            return null;
        }
        Request request = requests.computeIfAbsent(new Key(shape, context, text),
                key -> new Request(requests.size(), shape, context, label, text));
        return OPEN + Integer.toString(request.id) + CLOSE;
    }

    /**
     * Echoes every requested text until it is stable and returns {@code rendered} with the placeholders replaced;
     * where the database has {@code eventTriggers}, they are kept off the echo's objects ({@link EchoEventTriggers}).
     */
    String resolve(Connection connection, String rendered, boolean eventTriggers) throws SQLException {
        if (requests.isEmpty()) {
            return rendered;
        }
        inScratchTransaction(connection, () -> {
            this.eventTriggers = eventTriggers ? EchoEventTriggers.quiet(connection) : null;
            settle(connection);
        });
        Map<Integer, String> texts = new HashMap<>();
        for (Request request : requests.values()) {
            texts.put(request.id, request.text);
        }
        return fill(rendered, texts);
    }

    /**
     * Replaces each placeholder (U+0001, the request's number, U+0002) by its text. A scan by {@code indexOf}
     * rather than a regular expression: the rendered schema is long, and a cold start-up interprets every step of
     * a match.
     */
    private static String fill(String rendered, Map<Integer, String> texts) {
        StringBuilder out = new StringBuilder(rendered.length());
        int copied = 0;
        for (int start = rendered.indexOf(OPEN); start >= 0; start = rendered.indexOf(OPEN, start + 1)) {
            int end = start + 1;
            while (end < rendered.length() && rendered.charAt(end) >= '0' && rendered.charAt(end) <= '9') {
                end++;
            }
            if (end > start + 1 && end < rendered.length() && rendered.charAt(end) == CLOSE) {
                out.append(rendered, copied, start)
                        .append(texts.get(Integer.parseInt(rendered, start + 1, end, 10)));
                copied = end + 1;
                start = end;
            }
        }
        return out.append(rendered, copied, rendered.length()).toString();
    }

    private void settle(Connection connection) throws SQLException {
        List<Request> pending = new ArrayList<>(requests.values());
        for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
            Map<Request, String> echoed = echo(connection, pending);
            List<Request> changed = new ArrayList<>();
            for (Request request : pending) {
                String text = echoed.get(request);
                if (text == null && unechoed.contains(request)) {
                    continue; // written as read, and reported
                }
                if (text == null) {
                    throw new SQLException("PostgreSQL did not give back its text of " + request.label
                            + " when it was created again, so the schema dump cannot be a fixed point");
                }
                if (!text.equals(request.text)) {
                    request.text = text;
                    changed.add(request);
                }
            }
            pending = changed;
        }
        if (!pending.isEmpty()) {
            Set<String> labels = new LinkedHashSet<>();
            pending.forEach(request -> labels.add(request.label));
            throw new SQLException("PostgreSQL prints " + String.join(", ", labels) + " differently each time it is"
                    + " loaded, so the schema dump cannot be a fixed point; write the definition in a form that"
                    + " PostgreSQL prints back unchanged");
        }
    }

    /**
     * Creates each text again on a temporary object and reads back how PostgreSQL prints it now. A text that names
     * its table is echoed on a copy of that name ({@link EchoTables}); where tables of one name in different schemas
     * both have such texts, they take turns, each a batch read back on its own.
     */
    private Map<Request, String> echo(Connection connection, List<Request> pending) throws SQLException {
        // each turn: the relation whose copy bears each name, and the requests echoed
        List<Map<String, String>> bearers = new ArrayList<>(List.of(new HashMap<>()));
        List<List<Request>> turns = new ArrayList<>(List.of(new ArrayList<>()));
        for (Request request : pending) {
            String relation = relation(request);
            String own = relation == null || ownRow(request) != null ? null : EchoTables.ownName(relation, request.text);
            int turn = 0;
            while (own != null && !relation.equals(bearers.get(turn).computeIfAbsent(own, name -> relation))) {
                if (++turn == turns.size()) {
                    bearers.add(new HashMap<>());
                    turns.add(new ArrayList<>());
                }
            }
            turns.get(turn).add(request);
        }
        Map<Request, String> echoed = new HashMap<>();
        for (int turn = 0; turn < turns.size(); turn++) {
            Map<String, String> names = new HashMap<>();
            for (Map.Entry<String, String> bearer : bearers.get(turn).entrySet()) {
                names.put(bearer.getValue(), bearer.getKey());
            }
            echoTurn(connection, turns.get(turn), names, echoed);
        }
        return echoed;
    }

    /**
     * Echoes {@code requests}, each relation's copy named as {@code names} says (as it is where it says nothing); a
     * text that passes its own table's row on through views over the table ({@link OwnRowEcho}), one per expression.
     */
    private void echoTurn(Connection connection, List<Request> requests, Map<String, String> names,
            Map<Request, String> echoed) throws SQLException {
        List<String> statements = new ArrayList<>();
        List<Request> owners = new ArrayList<>();
        Map<Integer, Request> byEcho = new HashMap<>();
        Map<Request, String> copies = new HashMap<>();
        Map<Request, OwnRowEcho> ownRows = new HashMap<>();
        Map<Integer, Integer> slots = new HashMap<>();
        Map<Request, List<String>> views = new HashMap<>();
        int first = echoes + 1;
        for (Request request : requests) {
            String relation = relation(request);
            OwnRowEcho ownRow = ownRow(request);
            if (ownRow != null) {
                ownRows.put(request, ownRow);
                views.put(request, new ArrayList<>(Collections.nCopies(ownRow.size(), null)));
                for (int slot = 0; slot < ownRow.size(); slot++) {
                    byEcho.put(++echoes, request);
                    slots.put(echoes, slot);
                    statements.add(ownRow.view(slot, "pg_temp.matey_echo_" + echoes));
                }
            } else {
                byEcho.put(++echoes, request);
                String copy = relation == null ? null : tables.copy(relation, names.get(relation), statements);
                copies.put(request, copy);
                statements.addAll(create(request, echoes, "pg_temp." + copy));
            }
            while (owners.size() < statements.size()) {
                owners.add(request);
            }
        }
        execute(connection, statements, owners);
        try (Statement st = connection.createStatement(); var rs = st.executeQuery(readBack(first))) {
            while (rs.next()) {
                Request request = byEcho.get(rs.getInt(1));
                if (request != null && ownRows.containsKey(request)) {
                    views.get(request).set(slots.get(rs.getInt(1)), rs.getString(2));
                } else if (request != null && catalog(request.shape).equals(rs.getString(3))) {
                    // an exclusion constraint's index bears the constraint's name
                    echoed.put(request, after(request, rs.getString(2), copies.get(request)));
                }
            }
        }
        for (Map.Entry<Request, OwnRowEcho> ownRow : ownRows.entrySet()) {
            List<String> printed = views.get(ownRow.getKey());
            if (!printed.contains(null)) { // else a view did not load: the text is written as read, and reported
                echoed.put(ownRow.getKey(), ownRow.getValue().text(printed));
            }
        }
    }

    /** The relation whose copy a request is echoed on: "" for a column default's, null for none. */
    private static String relation(Request request) {
        return switch (request.shape) {
            case DOMAIN_CHECK, VIEW -> null;
            case DEFAULT -> "";
            case GENERATED -> request.context.substring(0, request.context.indexOf('\u0000'));
            default -> request.context;
        };
    }

    /**
     * The echo through views of a text that passes its own table's row on ({@code full_name(people.*)}, a cast of
     * it): a copy's row has another type, which the function does not take (docs/architecture.md §5); null for
     * any other text.
     */
    private static OwnRowEcho ownRow(Request request) {
        OwnRowEcho.Form form = switch (request.shape) {
            case CONSTRAINT -> OwnRowEcho.Form.CONSTRAINT;
            case INDEX_TAIL -> OwnRowEcho.Form.INDEX_TAIL;
            case POLICY_USING, POLICY_CHECK -> OwnRowEcho.Form.POLICY;
            default -> null;
        };
        return form == null || !passesOwnRow(request) ? null
                : OwnRowEcho.of(form, request.context, EchoTables.ownName(request.context, request.text), request.text);
    }

    private static boolean passesOwnRow(Request request) {
        return passesOwnRow(request.context, request.text);
    }

    /** Whether {@code text}, as the catalog prints it for {@code relation}, passes the relation's row on. */
    static boolean passesOwnRow(String relation, String text) {
        String own = EchoTables.ownName(relation, text);
        return own != null && (text.contains(own + ".*)") || text.contains(own + ".*,"));
    }

    /** The statements that create the request's text again, on {@code table} where it needs one. */
    private static List<String> create(Request request, int echo, String table) {
        String name = "pg_temp.matey_echo_" + echo;
        return switch (request.shape) {
            case CONSTRAINT -> List.of("ALTER TABLE " + table + " ADD CONSTRAINT matey_echo_" + echo + " "
                    + request.text);
            // ALTER DOMAIN, unlike CREATE DOMAIN, also takes a NOT VALID check
            case DOMAIN_CHECK -> List.of("CREATE DOMAIN " + name + " AS " + request.context,
                    "ALTER DOMAIN " + name + " ADD CONSTRAINT matey_echo_" + echo + " " + request.text);
            case INDEX_TAIL -> List.of("CREATE INDEX matey_echo_" + echo + " ON " + table + request.text);
            case VIEW -> List.of("CREATE VIEW " + name + " AS " + request.text);
            case DEFAULT -> List.of("ALTER TABLE " + table + " ADD COLUMN matey_echo_" + echo + " "
                    + request.context + " DEFAULT " + request.text);
            case GENERATED -> List.of("ALTER TABLE " + table + " ADD COLUMN matey_echo_" + echo + " "
                    + request.context.substring(request.context.indexOf('\u0000') + 1)
                    + " GENERATED ALWAYS AS (" + request.text + ") STORED");
            case POLICY_USING -> List.of("CREATE POLICY matey_echo_" + echo + " ON " + table
                    + " FOR SELECT USING (" + request.text + ")");
            case POLICY_CHECK -> List.of("CREATE POLICY matey_echo_" + echo + " ON " + table
                    + " FOR INSERT WITH CHECK (" + request.text + ")");
        };
    }

    /**
     * Reads back every echo numbered from {@code first} on: a scan of each catalog for the objects named
     * {@code matey_echo_<n>} in this session's temporary schema. One subquery per echo would cost the planner
     * seconds for a few hundred echoes.
     */
    private static String readBack(int first) {
        String echo = "substring(%s from 12)::int";
        String named = " ~ '^matey_echo_[0-9]+$' AND " + echo + " >= " + first;
        String temporary = "pg_my_temp_schema()";
        return String.join("\nUNION ALL ",
                "SELECT " + echo.formatted("co.conname") + ", pg_get_constraintdef(co.oid), 'pg_constraint' FROM pg_constraint co"
                        + " WHERE co.connamespace = " + temporary + " AND co.conname" + named.formatted("co.conname"),
                "SELECT " + echo.formatted("c.relname") + ", CASE c.relkind WHEN 'v' THEN pg_get_viewdef(c.oid)"
                        + " ELSE pg_get_indexdef(c.oid) END, 'pg_class' FROM pg_class c WHERE c.relnamespace = " + temporary
                        + " AND c.relkind IN ('i', 'I', 'v') AND c.relname" + named.formatted("c.relname"),
                "SELECT " + echo.formatted("a.attname") + ", pg_get_expr(d.adbin, d.adrelid), 'pg_attrdef' FROM pg_attrdef d"
                        + " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                        + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = " + temporary
                        + " AND a.attname" + named.formatted("a.attname"),
                "SELECT " + echo.formatted("p.polname") + ", pg_get_expr(coalesce(p.polqual, p.polwithcheck),"
                        + " p.polrelid), 'pg_policy' FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                        + " WHERE c.relnamespace = " + temporary + " AND p.polname" + named.formatted("p.polname"));
    }

    /** The catalog {@link #readBack} finds an echo of this shape in. */
    private static String catalog(Shape shape) {
        return switch (shape) {
            case CONSTRAINT, DOMAIN_CHECK -> "pg_constraint";
            case INDEX_TAIL, VIEW -> "pg_class";
            case DEFAULT, GENERATED -> "pg_attrdef";
            case POLICY_USING, POLICY_CHECK -> "pg_policy";
        };
    }

    /**
     * The echoed text in the request's own form. An index's is what follows the name of its table's copy,
     * {@code copy}, after the schema {@code pg_temp_<n>}: a table's own name may hold {@code " USING "}.
     */
    private static String after(Request request, String printed, String copy) {
        return switch (request.shape) {
            case INDEX_TAIL -> printed.substring(printed.indexOf('.', printed.indexOf(" ON ") + 4) + 1 + copy.length());
            case VIEW -> {
                String body = printed.strip();
                yield body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
            }
            default -> printed;
        };
    }

    /**
     * Runs the batch in one round trip; when it fails, finds the statement that does and names its object, or, for a
     * report, tells {@link #unloadable} and goes on without it.
     */
    private void execute(Connection connection, List<String> statements, List<Request> owners) throws SQLException {
        Savepoint batch = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            st.execute(String.join(";\n", statements));
            connection.releaseSavepoint(batch);
            return;
        } catch (SQLException batchFailure) {
            connection.rollback(batch);
        }
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                Request owner = owners.get(i);
                Savepoint one = unloadable == null ? null : connection.setSavepoint();
                try {
                    st.execute(statements.get(i));
                } catch (SQLException e) {
                    SQLException trigger = eventTriggers == null ? null : eventTriggers.blame(e, owner.label);
                    if (trigger != null) {
                        throw trigger; // not the text's failure: no report would be true to it
                    }
                    if (one == null) {
                        throw new SQLException("PostgreSQL does not load back its own text of " + owner.label
                                + ", so the schema dump cannot be a fixed point: " + e.getMessage(), e);
                    }
                    connection.rollback(one);
                    if (unechoed.add(owner)) {
                        unloadable.accept(owner.label + " would not load again: " + e.getMessage().strip()
                                .replaceAll("\\s*\n\\s*", "; "));
                    }
                }
            }
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} in a transaction (or a savepoint of the caller's) that is always rolled back. */
    private static void inScratchTransaction(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
            try {
                work.run();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            work.run();
        } finally {
            connection.rollback(savepoint);
        }
    }
}
