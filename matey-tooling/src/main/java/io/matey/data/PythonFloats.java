package io.matey.data;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Floats as Python's {@code repr} writes them, which is what {@code json.dumps} emits: the shortest digits that
 * read back to the same value, in positional notation between 1e-4 and 1e16 and as {@code 1e+16} outside it.
 * Java 17's own {@code Double.toString} is not always shortest, so the digits come from Jackson's Schubfach.
 */
final class PythonFloats {

    /**
     * Java writes at least two digits, picking {@code 4.9E-324} where Python's shortest form is {@code 5e-324};
     * the closest one-digit decimal wins whenever it reads back to the same value.
     */
    private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_EVEN);

    private PythonFloats() {
    }

    static String repr(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return nonFinite(value);
        }
        if (value == 0) {
            return zero(1 / value < 0);
        }
        return format(NumberOutput.toString(value, true), value, d -> d.doubleValue() == value);
    }

    /** A 4-byte float with the shortest digits of the float itself, so {@code 0.1f} is {@code 0.1}. */
    static String repr(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return nonFinite(value);
        }
        if (value == 0) {
            return zero(1 / value < 0);
        }
        return format(NumberOutput.toString(value, true), value, d -> d.floatValue() == value);
    }

    /** Python's json module writes these non-standard tokens; Matey reads them back. */
    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }

    private static String zero(boolean negative) {
        return negative ? "-0.0" : "0.0";
    }

    private static String format(String javaText, double exact, Predicate<BigDecimal> readsBack) {
        BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
        if (decimal.precision() == 2) {
            BigDecimal oneDigit = new BigDecimal(exact).round(ONE_DIGIT);
            decimal = readsBack.test(oneDigit) ? oneDigit.stripTrailingZeros() : decimal;
        }
        String digits = decimal.unscaledValue().abs().toString();
        int point = digits.length() - decimal.scale(); // the value is 0.<digits> x 10^point
        StringBuilder out = new StringBuilder(decimal.signum() < 0 ? "-" : "");
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append(exponent < 0 ? "e-" : "e+");
            if (Math.abs(exponent) < 10) {
                out.append('0');
            }
            return out.append(Math.abs(exponent)).toString();
        }
        if (point <= 0) {
            return out.append("0.").append("0".repeat(-point)).append(digits).toString();
        }
        if (point < digits.length()) {
            return out.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
        }
        return out.append(digits).append("0".repeat(point - digits.length())).append(".0").toString();
    }
}
