package io.matey.shell.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns an option's raw words into the value its parameter declares (text, flag, number, enum, path, list). */
final class ValueConverter {

    private ValueConverter() {
    }

    /**
     * {@code raw} is null when the option was not given: then its default, false, zero or null. A value of the wrong
     * form is refused with {@code usage}, the command's hint.
     */
    static Object convert(OptionSpec option, List<String> raw, String usage) {
        Class<?> type = option.parameter().getType();
        if (raw == null) {
            if (!option.defaultValue().isEmpty()) {
                return convert(option, option.multiValued() ? List.of(option.defaultValue().split(",")) : List.of(option.defaultValue()), usage);
            }
            return type == boolean.class ? false : type.isPrimitive() ? convertOne(option, type, "0", usage) : null;
        }
        if (option.flag()) {
            return raw.isEmpty() || convertOne(option, boolean.class, raw.get(0), usage).equals(true);
        }
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), raw.size());
            for (int i = 0; i < raw.size(); i++) {
                Array.set(array, i, convertOne(option, type.getComponentType(), raw.get(i), usage));
            }
            return array;
        }
        if (option.multiValued()) {
            Class<?> element = elementType(option.parameter().getParameterizedType());
            List<Object> values = new ArrayList<>();
            raw.forEach(r -> values.add(convertOne(option, element, r, usage)));
            return Set.class.isAssignableFrom(type) ? new LinkedHashSet<>(values) : values;
        }
        return convertOne(option, type, raw.get(0), usage);
    }

    private static Object convertOne(OptionSpec option, Class<?> type, String value, String usage) {
        try {
            if (type == String.class || type == Object.class) {
                return value;
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw invalid(option, value, "true or false", usage);
                }
                return Boolean.valueOf(value);
            }
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value);
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(value);
            }
            if (type == double.class || type == Double.class) {
                return Double.valueOf(value);
            }
            if (type == Path.class) {
                return Path.of(value);
            }
            if (type.isEnum()) {
                return enumConstant(option, type, value, usage);
            }
            return fromString(type, value);
        } catch (NumberFormatException e) {
            throw invalid(option, value, "a number", usage);
        }
    }

    private static Object enumConstant(OptionSpec option, Class<?> type, String value, String usage) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (name.equalsIgnoreCase(value) || ((Enum<?>) constant).name().equalsIgnoreCase(value)) {
                return constant;
            }
            names.add(name);
        }
        throw invalid(option, value, String.join(", ", names), usage);
    }

    /** A type of the app's own with a {@code valueOf}, {@code of} or {@code parse} factory taking the text. */
    private static Object fromString(Class<?> type, String value) {
        for (String factory : List.of("valueOf", "of", "parse")) {
            try {
                Method method = type.getMethod(factory, String.class);
                if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())) {
                    return method.invoke(null, value);
                }
            } catch (NoSuchMethodException next) {
                // try the next factory name
            } catch (ReflectiveOperationException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("No conversion from text to " + type.getName());
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    private static UsageException invalid(OptionSpec option, String value, String expected, String usage) {
        return new UsageException("Invalid value '" + value + "' for --" + option.name() + ": expected " + expected + ".",
                usage);
    }
}
