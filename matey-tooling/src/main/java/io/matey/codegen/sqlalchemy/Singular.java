package io.matey.codegen.sqlalchemy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The singular of a table name's last word for {@code use_inflect} class names ({@code sales_invoices} →
 * {@code sales_invoice}). A small set of English rules instead of the inflect library sqlacodegen uses:
 * a few irregular plurals and words the same in both numbers ({@code series}, {@code species}, {@code news});
 * {@code -ies} → {@code -y}; {@code -sses}, {@code -shes}, {@code -ches}, {@code -xes},
 * {@code -zzes} lose {@code -es}; words in {@code -ss}, {@code -us}, {@code -is} stay; any other {@code -s} is
 * dropped. A word these rules do not change keeps its name, as sqlacodegen does when inflect finds no singular.
 */
final class Singular {

    private static final Map<String, String> IRREGULAR = Map.of("people", "person", "children", "child", "men", "man",
            "women", "woman", "mice", "mouse", "geese", "goose", "teeth", "tooth", "feet", "foot");

    private static final Set<String> UNCHANGED = Set.of("series", "species", "news");

    private Singular() {
    }

    static String of(String name) {
        int cut = name.lastIndexOf('_') + 1;
        return name.substring(0, cut) + word(name.substring(cut));
    }

    private static String word(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            return word.substring(0, 1) + irregular.substring(1);
        }
        if (UNCHANGED.contains(lower)) {
            return word;
        }
        if (lower.length() > 4 && lower.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + (Character.isUpperCase(word.charAt(word.length() - 1)) ? "Y" : "y");
        }
        for (String ending : new String[] {"sses", "shes", "ches", "xes", "zzes"}) {
            if (lower.endsWith(ending)) {
                return word.substring(0, word.length() - 2);
            }
        }
        if (lower.length() < 3 || lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("is") || !lower.endsWith("s")) {
            return word;
        }
        return word.substring(0, word.length() - 1);
    }
}
