package io.matey.testing.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The double's positional query parameters in their documented REST shape: a {@code QueryParameter}'s
 * {@code parameterType} ({@code type}, {@code arrayType}, {@code structTypes} of {@code {name, type}}) and
 * {@code parameterValue} ({@code value}, {@code arrayValues}, {@code structValues} by field name). Values become
 * the catalog's: text for scalars, lists for arrays, maps by field name for structs. Named parameters, unnamed
 * struct fields and any other field are refused.
 */
final class DoubleParameters {

    private static final Set<String> SCALAR_TYPES = Set.of("INT64", "FLOAT64", "NUMERIC", "BIGNUMERIC", "BOOL",
            "STRING", "BYTES", "DATE", "DATETIME", "TIME", "TIMESTAMP", "GEOGRAPHY", "JSON", "INTERVAL");

    private DoubleParameters() {
    }

    static List<DoubleSql.Parameter> of(JsonNode config) {
        JsonNode given = config.path("queryParameters");
        List<DoubleSql.Parameter> parameters = new ArrayList<>();
        if (given.isEmpty()) {
            return parameters;
        }
        // jobs.query requests leave parameterMode out; unnamed parameters are positional there
        if (!config.path("parameterMode").asText("POSITIONAL").equals("POSITIONAL")) {
            throw DoubleError.notImplemented("query parameters other than positional ones");
        }
        for (JsonNode parameter : given) {
            only(parameter, "QueryParameter", "parameterType", "parameterValue");
            String type = type(parameter.path("parameterType"));
            parameters.add(new DoubleSql.Parameter(type, value(type, parameter.path("parameterValue"))));
        }
        return parameters;
    }

    /** A parameter type as GoogleSQL writes it: {@code ARRAY<STRUCT<n INT64, tags ARRAY<STRING>>>}. */
    private static String type(JsonNode type) {
        only(type, "QueryParameterType", "type", "arrayType", "structTypes");
        String name = type.path("type").asText("");
        switch (name) {
            case "ARRAY" -> {
                if (!type.path("arrayType").isObject() || type.has("structTypes")) {
                    throw DoubleError.invalidQuery("An ARRAY query parameter type needs arrayType (and no structTypes)");
                }
                String element = type(type.get("arrayType"));
                if (DoubleTypes.isArray(element)) {
                    throw DoubleError.invalidQuery("Cannot construct array with element type " + element
                            + " because nested arrays are not supported");
                }
                return "ARRAY<" + element + ">";
            }
            case "STRUCT" -> {
                if (!type.path("structTypes").isArray() || type.get("structTypes").isEmpty() || type.has("arrayType")) {
                    throw DoubleError.invalidQuery("A STRUCT query parameter type needs structTypes (and no arrayType)");
                }
                List<String> members = new ArrayList<>();
                for (JsonNode member : type.get("structTypes")) {
                    only(member, "struct field type", "name", "type", "description");
                    if (!member.hasNonNull("name")) {
                        throw DoubleError.notImplemented("struct query parameters with unnamed fields");
                    }
                    members.add(member.get("name").asText() + " " + type(member.path("type")));
                }
                return "STRUCT<" + String.join(", ", members) + ">";
            }
            default -> {
                if (!SCALAR_TYPES.contains(name) || type.has("arrayType") || type.has("structTypes")) {
                    throw DoubleError.invalidQuery("Invalid query parameter type: " + type);
                }
                return name;
            }
        }
    }

    /** A value of {@code type}; a missing or empty value is NULL, which an array stores as empty. */
    private static Object value(String type, JsonNode value) {
        if (DoubleTypes.isArray(type)) {
            only(value, "array parameter value", "arrayValues");
            List<Object> elements = new ArrayList<>();
            for (JsonNode element : value.path("arrayValues")) {
                Object stored = value(DoubleTypes.element(type), element);
                if (stored == null) {
                    throw DoubleError.invalidQuery("Array cannot have a null element; error in writing field of " + type);
                }
                elements.add(stored);
            }
            return elements;
        }
        if (DoubleTypes.isStruct(type)) {
            only(value, "struct parameter value", "structValues");
            if (!value.has("structValues")) {
                return null;
            }
            Map<String, String> members = DoubleTypes.members(type);
            for (String name : (Iterable<String>) value.get("structValues")::fieldNames) {
                if (!members.containsKey(name)) {
                    throw DoubleError.invalidQuery("Struct parameter value has field " + name + ", which " + type + " lacks");
                }
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            members.forEach((name, memberType) -> fields.put(name, value(memberType, value.get("structValues").path(name))));
            return fields;
        }
        only(value, "scalar parameter value", "value");
        JsonNode scalar = value.path("value");
        return scalar.isMissingNode() || scalar.isNull() ? null : scalar.asText();
    }

    /** Refuses a field the double does not read, rather than ignoring what it may mean. */
    private static void only(JsonNode node, String what, String... known) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw DoubleError.invalidQuery("Invalid " + what + ": " + node);
        }
        for (String name : (Iterable<String>) node::fieldNames) {
            if (!Set.of(known).contains(name)) {
                throw DoubleError.notImplemented("the " + what + " field " + name);
            }
        }
    }
}
