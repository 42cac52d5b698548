package io.matey.testing.bigquery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GoogleSQL type text as the double's catalog keeps it: {@code ARRAY<STRUCT<a INT64 NOT NULL, b STRING(8)>>}. */
final class DoubleTypes {

    private DoubleTypes() {
    }

    static boolean isArray(String type) {
        return type.startsWith("ARRAY<");
    }

    static boolean isStruct(String type) {
        return type.startsWith("STRUCT<");
    }

    static String element(String arrayType) {
        return arrayType.substring(6, arrayType.length() - 1);
    }

    /** A struct's member types by name, in order, without NOT NULL. */
    static Map<String, String> members(String structType) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String member : topLevel(structType.substring(7, structType.length() - 1))) {
            String type = member.substring(member.indexOf(' ') + 1);
            members.put(member.substring(0, member.indexOf(' ')), type.endsWith(" NOT NULL")
                    ? type.substring(0, type.length() - 9) : type);
        }
        return members;
    }

    /** The type without parameters and NOT NULL, as a query parameter's type reads: {@code STRUCT<a INT64, b STRING>}. */
    static String unparameterised(String type) {
        return type.replaceAll("\\([^)]*\\)", "").replace(" NOT NULL", "");
    }

    /** Splits {@code a INT64, b STRUCT<c STRING, d INT64>} at its top-level commas. */
    static List<String> topLevel(String members) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < members.length(); i++) {
            char c = members.charAt(i);
            depth += c == '<' || c == '(' ? 1 : c == '>' || c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(members.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(members.substring(start).strip());
        return out;
    }
}
