package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.ServerProfile;
import io.matey.engine.MateyUrl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real URL endpoint, recording which of its ways to the server a command takes ({@link #calls}) and the SQL the
 * command's plain statements run on its connections ({@link #queries}).
 */
final class RecordingEndpoint implements LiveEndpoint {

    final List<String> calls = new ArrayList<>();
    final List<String> queries = new ArrayList<>();
    private final UrlEndpoint real;

    RecordingEndpoint(MateyUrl url, Engine engine) {
        real = new UrlEndpoint(url, engine);
    }

    @Override
    public Engine engine() {
        return real.engine();
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public String urlOption() {
        return real.urlOption();
    }

    @Override
    public boolean exists() throws SQLException {
        calls.add("exists");
        return real.exists();
    }

    @Override
    public boolean create(Optional<ServerProfile> defaults) throws SQLException {
        calls.add("create");
        return real.create(defaults);
    }

    @Override
    public void drop() throws SQLException {
        calls.add("drop");
        real.drop();
    }

    @Override
    public Connection connect() throws SQLException {
        calls.add("connect");
        return recording(real.connect());
    }

    @Override
    public Optional<Connection> connectIfExists() throws SQLException {
        calls.add("connectIfExists");
        return real.connectIfExists().map(this::recording);
    }

    @Override
    public String toString() {
        return real.toString();
    }

    /** The real connection, whose plain statements record the SQL they run. */
    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    return result instanceof Statement statement && !(result instanceof PreparedStatement)
                            ? recording(statement) : result;
                });
    }

    private Statement recording(Statement statement) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        queries.add(sql);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
