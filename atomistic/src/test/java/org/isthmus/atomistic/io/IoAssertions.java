package org.isthmus.atomistic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the structure-file tests. */
final class IoAssertions {
    private IoAssertions() {
    }

    /**
     * Asserts that the action fails with an {@link InvalidInputException} placed at {@code source}
     * and {@code line}, whose message (file:line: problem) holds every fragment, and that carries
     * no underlying exception (a user error is reported, not traced).
     */
    static InvalidInputException assertInvalid(Executable action, String source, int line, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        String message = e.getMessage();
        assertEquals(source, e.source().orElse(null), message);
        assertEquals(line, e.line(), message);
        assertTrue(message.contains(source), message);
        if (line > 0) {
            assertTrue(message.startsWith(source + ":" + line + ": "), message);
        }
        for (String f : fragments) {
            assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
        }
        assertNull(e.getCause(), message);
        return e;
    }

    /**
     * Asserts equal species, labels, masses, cell periodicity and info, and positions, cell,
     * reference energy and forces equal to {@code rel} relative to each array's largest magnitude
     * (0: exactly).
     */
    static void assertSameConfiguration(Configuration expected, Configuration actual, double rel) {
        assertEquals(expected.size(), actual.size(), "atom count");
        assertArrayEquals(expected.species(), actual.species(), "species");
        assertArrayEquals(expected.labels(), actual.labels(), "labels");
        assertArrayEquals(expected.masses(), actual.masses(), "masses");
        assertArrayEquals(expected.cell().periodicity(), actual.cell().periodicity(), "pbc");
        assertEquals(expected.cell().isNone(), actual.cell().isNone(), "has a cell");
        assertClose(flatten(expected.cell().matrix()), flatten(actual.cell().matrix()), rel, "cell");
        assertClose(expected.positions(), actual.positions(), rel, "positions");
        assertEquals(expected.referenceEnergy().isPresent(), actual.referenceEnergy().isPresent(), "has energy");
        if (expected.referenceEnergy().isPresent()) {
            double e = expected.referenceEnergy().getAsDouble();
            assertEquals(e, actual.referenceEnergy().getAsDouble(), rel * Math.abs(e), "energy");
        }
        assertEquals(expected.hasReferenceForces(), actual.hasReferenceForces(), "has forces");
        if (expected.hasReferenceForces()) {
            assertClose(expected.referenceForces(), actual.referenceForces(), rel, "forces");
        }
        assertEquals(expected.hasReferenceVirial(), actual.hasReferenceVirial(), "has a virial");
        if (expected.hasReferenceVirial()) {
            assertClose(expected.referenceVirial(), actual.referenceVirial(), rel, "virial");
        }
        assertEquals(expected.info(), actual.info(), "info");
    }

    static void assertClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (rel == 0) {
            assertArrayEquals(expected, actual, what);
        } else {
            assertArrayEquals(expected, actual, rel * scale, what);
        }
    }

    static double[] flatten(double[][] m) {
        double[] out = new double[9];
        for (int k = 0; k < 9; k++) {
            out[k] = m[k / 3][k % 3];
        }
        return out;
    }
}
