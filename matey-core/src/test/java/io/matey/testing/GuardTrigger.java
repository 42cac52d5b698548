package io.matey.testing;

/**
 * A platform's guard, as a migration installs it: an event trigger that refuses tables, views and indexes outside
 * schema {@code app}, with that schema.
 */
public final class GuardTrigger {

    public static final String SQL = """
            CREATE SCHEMA app;
            CREATE FUNCTION public.f() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE schema_name <> 'app') THEN
                RAISE EXCEPTION 'create objects in schema app, not %',
                  (SELECT schema_name FROM pg_event_trigger_ddl_commands() WHERE schema_name <> 'app' LIMIT 1);
              END IF;
            END $$;
            CREATE EVENT TRIGGER g ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'CREATE VIEW', 'CREATE INDEX')
              EXECUTE FUNCTION public.f();
            """;

    private GuardTrigger() {
    }
}
