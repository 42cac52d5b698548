package io.matey.engine.bigquery;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.SQLException;

/**
 * What every proxy of the BigQuery JDBC adapter answers alike (docs/architecture.md §3): {@code Object}'s methods,
 * {@code close} and {@code isClosed}, and a clear error for any other call once closed.
 */
abstract class AdapterHandler implements InvocationHandler {

    private boolean closed;

    @Override
    public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "toString":
                return describe();
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            default:
                break;
        }
        if (closed) {
            throw new SQLException(describe() + " is closed.");
        }
        return answer(method, args == null ? new Object[0] : args);
    }

    /** What this proxy stands for, in messages. */
    abstract String describe();

    /** Any other call, while open. */
    abstract Object answer(Method method, Object[] args) throws Throwable;
}
