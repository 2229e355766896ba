package org.isthmus.cases.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.Units;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void convertsUnitsToInternalOnes() throws Exception {
        assertEquals(400, Quantity.parse("40 nm", Dimension.LENGTH).value(), 1e-12);
        assertEquals(100, Quantity.parse("0.1 ps", Dimension.TIME).value(), 1e-12);
        assertEquals(600, Quantity.parse("600 K", Dimension.TEMPERATURE).value(), 0);
        assertEquals(2.5 / Units.EV_PER_A3_IN_GPA, Quantity.parse("2.5 GPa", Dimension.STRESS).value(), 1e-15);
        assertEquals(2.5 / Units.EV_PER_A3_IN_GPA, Quantity.parse("2.5GPa", Dimension.STRESS).value(), 1e-15);
        assertEquals(1e-3, Quantity.parse("1e-3 eV/Å", Dimension.FORCE).value(), 0);
        assertEquals(5, Quantity.parse("5eV", Dimension.ENERGY).value(), 0);
        assertEquals(1e-3, Quantity.parse("1 1/ps", Dimension.RATE).value(), 1e-18);
        assertEquals(-3.5, Quantity.parse("-3.5", Dimension.LENGTH).value(), 0, "a plain number is in the internal unit");
        // 1 J/m² = 0.0624150907 eV/Å²
        assertEquals(0.0624150907, Quantity.parse("1 J/m^2", Dimension.ENERGY_PER_AREA).value(), 1e-9);
        // 1 nN = 0.624150907 eV/Å
        assertEquals(0.624150907, Quantity.parse("1 nN", Dimension.FORCE).value(), 1e-9);
    }

    @Test
    void wrongDimensionUnknownUnitAndBadNumberAreErrors() {
        var e = assertThrows(Quantity.ParseException.class, () -> Quantity.parse("2.5 GPa", Dimension.LENGTH));
        assertTrue(e.getMessage().contains("a stress") && e.getMessage().contains("expected a length"), e.getMessage());
        e = assertThrows(Quantity.ParseException.class, () -> Quantity.parse("3 furlongs", Dimension.LENGTH));
        assertTrue(e.getMessage().contains("unknown unit 'furlongs'"), e.getMessage());
        e = assertThrows(Quantity.ParseException.class, () -> Quantity.parse("fast", Dimension.TIME));
        assertTrue(e.getMessage().contains("expected a time"), e.getMessage());
    }

    @Test
    void toStringReadsBackExactly() throws Exception {
        Quantity q = Quantity.parse("0.1 ps", Dimension.TIME);
        assertEquals(q, Quantity.parse(q.toString(), Dimension.TIME));
        assertEquals(0.1, q.in("ps"), 1e-15);
    }
}
