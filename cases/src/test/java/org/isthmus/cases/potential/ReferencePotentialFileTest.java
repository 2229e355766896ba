package org.isthmus.cases.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.junit.jupiter.api.Test;

class ReferencePotentialFileTest {

    @Test
    void readsLennardJonesWithPairs() {
        Potential p = ReferencePotentialFile.parse("""
                potential: lennard-jones
                cutoff: 9.0
                mixing: geometric
                species:
                  Ar: {epsilon: 0.0103, sigma: 3.405}
                  Kr: {epsilon: 0.0147, sigma: 3.65}
                pairs:
                  Ar-Kr: {epsilon: 0.012, sigma: 3.5}
                """, "lj.yaml");
        assertEquals(9.0, p.cutoff());
        assertEquals(2, p.species().size());
    }

    @Test
    void jsonWorksToo() {
        Potential p = ReferencePotentialFile.parse(
                "{\"potential\": \"lennard-jones\", \"cutoff\": 8, \"species\": {\"Ne\": {\"epsilon\": 0.003, \"sigma\": 2.8}}}",
                "lj.json");
        assertEquals(8.0, p.cutoff());
    }

    @Test
    void typoGetsTheNearestKeyAndTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ReferencePotentialFile.parse("""
                potential: lennard-jones
                cutoff: 9.0
                species:
                  Ar: {epsilon: 0.0103, sigmaa: 3.405}
                """, "lj.yaml"));
        assertTrue(e.getMessage().startsWith("lj.yaml:4: species.Ar.sigmaa"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'sigma'"), e.getMessage());
    }

    @Test
    void negativeValueNamesFieldAndExpectation() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ReferencePotentialFile.parse("""
                potential: lennard-jones
                cutoff: -2
                species:
                  Ar: {epsilon: 0.0103, sigma: 3.405}
                """, "lj.yaml"));
        assertTrue(e.getMessage().contains("lj.yaml:2: cutoff"), e.getMessage());
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void unknownKindAndUnknownElement() {
        InvalidInputException k = assertThrows(InvalidInputException.class,
                () -> ReferencePotentialFile.parse("potential: lenard-jones\n", "x.yaml"));
        assertTrue(k.getMessage().contains("did you mean 'lennard-jones'"), k.getMessage());
        InvalidInputException el = assertThrows(InvalidInputException.class, () -> ReferencePotentialFile.parse("""
                potential: lennard-jones
                cutoff: 9
                species:
                  Xx: {epsilon: 0.01, sigma: 3}
                """, "x.yaml"));
        assertTrue(el.getMessage().contains("x.yaml:4") && el.getMessage().contains("'Xx'"), el.getMessage());
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ReferencePotentialFile.parse("potential: lennard-jones\ncutoff: [1,\n", "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
    }
}
