package io.matey.testing.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GoogleSQL column types in the tables API's legacy shape: INTEGER, RECORD, mode REPEATED, maxLength. */
final class DoubleLegacySchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> LEGACY = Map.of("INT64", "INTEGER", "FLOAT64", "FLOAT", "BOOL", "BOOLEAN",
            "STRUCT", "RECORD");
    private static final Pattern PARAMETERS = Pattern.compile("(\\w+)\\((\\d+)(?:, (\\d+))?\\)");

    private DoubleLegacySchema() {
    }

    static ObjectNode field(String name, String type, boolean notNull) {
        ObjectNode node = JSON.createObjectNode().put("name", name);
        String mode = notNull ? "REQUIRED" : "NULLABLE";
        if (type.startsWith("ARRAY<")) {
            type = type.substring(6, type.length() - 1);
            mode = "REPEATED";
        }
        if (type.startsWith("STRUCT<")) {
            node.put("type", "RECORD");
            ArrayNode fields = node.putArray("fields");
            for (String member : DoubleTypes.topLevel(type.substring(7, type.length() - 1))) {
                String memberName = member.substring(0, member.indexOf(' '));
                String memberType = member.substring(member.indexOf(' ') + 1);
                boolean memberNotNull = memberType.endsWith(" NOT NULL");
                fields.add(field(memberName, memberNotNull ? memberType.substring(0, memberType.length() - 9)
                        : memberType, memberNotNull));
            }
        } else {
            Matcher parameters = PARAMETERS.matcher(type);
            if (parameters.matches()) {
                type = parameters.group(1);
                if (type.equals("STRING") || type.equals("BYTES")) {
                    node.put("maxLength", parameters.group(2));
                } else {
                    node.put("precision", parameters.group(2));
                    if (parameters.group(3) != null) {
                        node.put("scale", parameters.group(3));
                    }
                }
            }
            node.put("type", LEGACY.getOrDefault(type, type));
        }
        return node.put("mode", mode);
    }
}
