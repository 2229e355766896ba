package org.isthmus.atomistic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Number text and comment-line quoting: what is written reads back unchanged. */
class FieldsTest {

    @Test
    void formattedDoublesReadBackExactly() {
        Random rnd = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            double v = k % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong())
                    : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
            if (!Double.isFinite(v)) {
                continue;
            }
            String s = Fields.format(v);
            assertTrue(Fields.isDecimal(s), s);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Fields.real(s, "v", "t", 1)), s);
        }
        assertEquals("5.43", Fields.format(5.43));
        assertEquals("1.0e-5", Fields.format(1e-5));
        assertEquals("-1.234e-12", Fields.format(-1.234e-12));
    }

    @Test
    void decimalSyntax() {
        for (String ok : List.of("1", "-1", "+1.", ".5", "-0.0", "1e3", "1.5E-07", "2.E+2")) {
            assertTrue(Fields.isDecimal(ok), ok);
        }
        for (String bad : List.of("", "-", ".", "e3", "1e", "1.0d0", "1f", "0x1p3", "NaN", "Infinity", "1..2", "1e+")) {
            assertFalse(Fields.isDecimal(bad), bad);
        }
    }

    @Test
    void commentLineValuesRoundTrip() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("bare", "value");
        info.put("spaced", "a b  c");
        info.put("quoted", "say \"hi\"");
        info.put("backslash", "C:\\path\\n");
        info.put("newline", "line1\nline2");
        info.put("equals", "a=b");
        info.put("array", "[1, [2, 3]]");
        info.put("half", "[1, 2");
        info.put("empty", "");
        info.put("key with space", "x");
        info.put("flag", "T");
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> e : info.entrySet()) {
            line.append(KeyValueLine.key(e.getKey())).append('=').append(KeyValueLine.value(e.getValue())).append(' ');
        }
        assertEquals(info, KeyValueLine.parse(line.toString(), "t", 2));
        Map<String, String> spaced = KeyValueLine.parse("a = 1  b =\"x y\" c={old style} d", "t", 2);
        assertEquals(Map.of("a", "1", "b", "x y", "c", "old style", "d", "T"), spaced);
    }
}
