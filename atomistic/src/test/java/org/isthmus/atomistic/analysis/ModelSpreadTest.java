package org.isthmus.atomistic.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.dynamics.Langevin;
import org.isthmus.atomistic.dynamics.MaxwellBoltzmann;
import org.isthmus.atomistic.dynamics.MolecularDynamics;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/** The spread of a property measured with each member of an ensemble. */
class ModelSpreadTest {

    private static final Element AR = Element.of("Ar");

    @Test
    void spreadIsTheSampleDeviationOfTheMembersValues() {
        List<Potential> members = List.of(lj(0.0100), lj(0.0104), lj(0.0108));
        double[][] fake = {{1.0, 0.1}, {2.0, 0.2}, {4.0, 0.2}};
        int[] k = {0};
        ModelSpread s = ModelSpread.of(members, p -> fake[k[0]++]);
        assertArrayEquals(new double[] {1, 2, 4}, s.values(), 0);
        assertEquals(7.0 / 3, s.mean(), 1e-15);
        assertEquals(Math.sqrt(((1 - 7.0 / 3) * (1 - 7.0 / 3) + (2 - 7.0 / 3) * (2 - 7.0 / 3) + (4 - 7.0 / 3) * (4 - 7.0 / 3)) / 2),
                s.spread(), 1e-15);
        assertEquals(Math.sqrt((0.01 + 0.04 + 0.04) / 3), s.statisticalError(), 1e-15);
        assertTrue(s.resolved());
        assertThrows(IllegalArgumentException.class, () -> ModelSpread.of(List.of(lj(0.01)), p -> new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> ModelSpread.of(members, p -> new double[] {Double.NaN, 0}));
    }

    /**
     * Members that differ by ±4 % in ε: the mean potential energy of a Langevin run at 20 K,
     * measured with each, spreads as their static lattice energies do (the thermal part,
     * (3/2) k_B T per atom for a near-harmonic crystal, is the same for all), far beyond the
     * sampling error; the heat capacity, the same for every near-harmonic member, does not
     * resolve the members.
     */
    @Test
    void ensembleOfArgonModelsSpreadsTheirEnergiesNotTheirHeatCapacity() {
        List<Potential> members = List.of(lj(0.0100), lj(0.0104), lj(0.0108));
        Configuration fcc = Lattices.fcc(AR, 5.26, 2, 2, 2);
        double t = 20;
        List<double[]> cv = new ArrayList<>();
        ModelSpread energy = ModelSpread.of(members, p -> {
            AtomisticModel m = AtomisticModel.of(p, fcc);
            double[] v = MaxwellBoltzmann.at(t).withSeed(3).velocities(fcc);
            MolecularDynamics md = new MolecularDynamics(m, v, new Langevin(4.0, t, 0.02, 11));
            md.run(300);
            int n = 1500;
            double[] ep = new double[n];
            double[] et = new double[n];
            for (int i = 0; i < n; i++) {
                md.run(2);
                ep[i] = md.snapshot().potentialEnergy() / fcc.size();
                et[i] = md.snapshot().totalEnergy();
            }
            HeatCapacity c = HeatCapacity.fromEnergies(et, t);
            cv.add(new double[] {c.value(), c.error()});
            BlockAverage b = BlockAverage.of(ep);
            return new double[] {b.mean(), b.error()};
        });
        double staticSpread = ModelSpread.of(members, p -> new double[] {p.compute(fcc).energy() / fcc.size(), 0})
                .spread();
        assertTrue(energy.resolved(), energy.toString());
        assertEquals(staticSpread, energy.spread(), 0.1 * staticSpread, energy.toString());
        int[] k = {0};
        ModelSpread heat = ModelSpread.of(members, p -> cv.get(k[0]++));
        assertTrue(!heat.resolved(), "near-harmonic members share C_V: " + heat);
        System.out.printf("argon ensemble at 20 K: <E_pot>/N %s; C_V %s k_B%n", energy, heat);
    }

    private static LennardJones lj(double epsilon) {
        return LennardJones.builder(8.5).species(AR, epsilon, 3.40).build();
    }
}
