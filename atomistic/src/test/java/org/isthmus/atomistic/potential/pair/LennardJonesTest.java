package org.isthmus.atomistic.potential.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

class LennardJonesTest extends PotentialContract {

    private static final Element AR = Element.of("Ar");
    private static final Element KR = Element.of("Kr");
    // Argon and krypton parameters (Rahman 1964; ε/k_B = 120 K and 171 K)
    private static final LennardJones LJ = LennardJones.builder(8.5)
            .species(AR, 0.0103408, 3.405)
            .species(KR, 0.0147, 3.65)
            .build();

    @Override
    protected Potential potential() {
        return LJ;
    }

    @Override
    protected Configuration periodicSample() {
        Configuration c = Lattices.fcc(AR, 5.26, 2, 2, 2);
        Element[] s = c.species();
        for (int i = 0; i < s.length; i += 3) {
            s[i] = KR;
        }
        return rattle(Configuration.of(s, c.positions(), c.cell()), 0.15, 3);
    }

    @Override
    protected Configuration clusterSample() {
        Configuration c = Lattices.fcc(AR, 5.26, 2, 2, 1);
        return rattle(c.withCell(Cell.none()), 0.2, 7);
    }

    @Test
    void dimerEnergyMatchesTheShiftedForceFormula() {
        double r = 3.8;
        Configuration d = Configuration.of(new Element[] {AR, AR}, new double[] {0, 0, 0, r, 0, 0}, Cell.none());
        double e = 0.0103408;
        double s = 3.405;
        double rc = 8.5;
        double phi = 4 * e * (Math.pow(s / r, 12) - Math.pow(s / r, 6));
        double phic = 4 * e * (Math.pow(s / rc, 12) - Math.pow(s / rc, 6));
        double dphic = -24 * e / rc * (2 * Math.pow(s / rc, 12) - Math.pow(s / rc, 6));
        assertEquals(phi - phic - (r - rc) * dphic, LJ.compute(d).energy(), 1e-15);
    }

    @Test
    void lorentzBerthelotMixing() {
        double r = 3.9;
        Configuration d = Configuration.of(new Element[] {AR, KR}, new double[] {0, 0, 0, r, 0, 0}, Cell.none());
        LennardJones explicit = LennardJones.builder(8.5).species(AR, 0.0103408, 3.405).species(KR, 0.0147, 3.65)
                .pair(AR, KR, Math.sqrt(0.0103408 * 0.0147), 0.5 * (3.405 + 3.65)).build();
        assertEquals(explicit.compute(d).energy(), LJ.compute(d).energy(), 1e-15);
    }
}
