package io.matey.codegen.sqlalchemy;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.model.ColumnType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLAlchemy types for a generated module, and the building blocks engines map their column types with
 * ({@link CodegenDialect#sqlAlchemyType}): the generic type where one compiles to the same DDL, the dialect's type
 * where none does, and {@code NativeType('<name>')} (a small class the module then defines) for types SQLAlchemy
 * has no class for, so that the metadata still creates the column as it was. Only types that exist in SQLAlchemy
 * 1.4 and 2.x are used, so the {@code tables} output loads in both. Each call records the import it needs.
 */
public final class SqlAlchemyTypes {

    /** The type expression and the Python type for {@code Mapped[...]}. */
    public record PyType(String expression, String annotation) {
    }

    static final String NATIVE_TYPE = "NativeType";

    private final CodegenDialect dialect;
    private final PyImports imports;
    private boolean nativeTypeUsed;

    SqlAlchemyTypes(CodegenDialect dialect, PyImports imports) {
        this.dialect = dialect;
        this.imports = imports;
    }

    /** Whether some column needed {@code NativeType}, which the module must then define. */
    boolean nativeTypeUsed() {
        return nativeTypeUsed;
    }

    PyType map(ColumnType type) {
        return dialect.sqlAlchemyType(type, this);
    }

    /** A type {@code sqlalchemy} exports, such as {@code Integer}. */
    public PyType sa(String name, String annotation) {
        return new PyType(imports.sa(name), annotation);
    }

    /** A type of the engine's SQLAlchemy dialect module ({@code sqlalchemy.dialects.<dialect>}). */
    public PyType dialect(String name, String annotation) {
        return new PyType(imports.use("sqlalchemy.dialects." + dialect.sqlAlchemyDialect(), name), annotation);
    }

    /** A column type SQLAlchemy has no class for, created under its database name. */
    public PyType nativeType(String declared) {
        return nativeType(declared, "Any");
    }

    /** {@link #nativeType(String)} for a type whose values the driver gives as {@code annotation}. */
    public PyType nativeType(String declared, String annotation) {
        nativeTypeUsed = true;
        imports.use("sqlalchemy.types", "UserDefinedType");
        return new PyType(NATIVE_TYPE + "(" + Py.str(declared) + ")", annotation);
    }

    /** No type: values pass as the driver gives them, as for a column SQLAlchemy reflects without one. */
    public PyType nullType() {
        return new PyType(imports.use("sqlalchemy.types", "NullType"), "Any");
    }

    /** {@code Numeric}, with precision and scale where the type has them. */
    public PyType numeric(ColumnType t) {
        PyType numeric = sa("Numeric", "decimal.Decimal");
        if (t.precision() == null) {
            return numeric;
        }
        return call(numeric, t.scale() == null ? t.precision().toString() : t.precision() + ", " + t.scale());
    }

    /** {@code Enum('a', 'b', ...)} with further keyword arguments ({@code name=...}), in that order. */
    public PyType enumType(ColumnType t, List<String> keywords) {
        String args = keywords.isEmpty() ? labels(t) : labels(t) + ", " + String.join(", ", keywords);
        return new PyType(imports.sa("Enum") + "(" + args + ")", "str");
    }

    /** The labels of an enum or set type as Python string literals, comma-separated. */
    public static String labels(ColumnType t) {
        return t.labels().stream().map(Py::str).collect(Collectors.joining(", "));
    }

    /** A Python string literal. */
    public static String str(String value) {
        return Py.str(value);
    }

    /** A type's length as an argument, or null when it has none. */
    public static String length(ColumnType t) {
        return t.length() == null ? null : t.length().toString();
    }

    /** The type called with its length, or the type itself when there is none. */
    public static PyType sized(PyType type, Integer length) {
        return length == null ? type : call(type, length.toString());
    }

    /** The type called with {@code args}, or the type itself when there are none. */
    public static PyType call(PyType type, String args) {
        return args == null || args.isEmpty() ? type : new PyType(type.expression() + "(" + args + ")", type.annotation());
    }

    /** Comma-joins two optional arguments. */
    public static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + ", " + b;
    }
}
