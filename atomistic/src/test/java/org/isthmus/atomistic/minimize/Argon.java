package org.isthmus.atomistic.minimize;

import java.util.Random;

import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;

/**
 * Lennard-Jones argon for the minimisation and dynamics tests: ε = 0.0103408 eV (ε/k_B = 120 K),
 * σ = 3.405 Å (Rahman, Phys. Rev. 136, A405 (1964)), shifted-force cutoff 8.5 Å, fcc a = 5.26 Å.
 */
public final class Argon {

    public static final Element AR = Element.of("Ar");
    public static final double EPSILON = 0.0103408;
    public static final double SIGMA = 3.405;
    public static final double CUTOFF = 8.5;
    public static final double LATTICE = 5.26;
    public static final LennardJones LJ = LennardJones.builder(CUTOFF).species(AR, EPSILON, SIGMA).build();
    /** One thread: the test systems are too small to gain from more, and the build machine is shared. */
    public static final Request SERIAL = Request.defaults().withThreads(1);

    private Argon() {
    }

    /** Periodic fcc argon, n × n × n conventional cells (4n³ atoms). */
    public static Configuration fcc(int n) {
        return Lattices.fcc(AR, LATTICE, n, n, n);
    }

    /** Every coordinate displaced uniformly in [−amplitude, amplitude] Å. */
    public static Configuration rattle(Configuration c, double amplitude, long seed) {
        Random r = new Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += amplitude * (2 * r.nextDouble() - 1);
        }
        return c.withPositions(p);
    }

    /** A model of every atom of {@code c}, one thread. */
    public static AtomisticModel model(Configuration c) {
        return AtomisticModel.builder(LJ, c).request(SERIAL).build();
    }
}
