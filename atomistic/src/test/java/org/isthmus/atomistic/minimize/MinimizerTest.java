package org.isthmus.atomistic.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

/** FIRE and L-BFGS on Lennard-Jones argon and on the Rosenbrock function. */
class MinimizerTest {

    private static final double TOL = 1e-4; // eV/Å
    private static final Minimizer FIRE = Fire.defaults().withTolerance(TOL).withMaxIterations(5000);
    private static final Minimizer LBFGS = Lbfgs.defaults().withTolerance(TOL);

    /** A 13-atom cuboctahedron (an fcc site and its 12 nearest neighbours), no cell. */
    private static Configuration cuboctahedron() {
        double h = Argon.LATTICE / 2;
        List<double[]> sites = new ArrayList<>();
        sites.add(new double[] {0, 0, 0});
        for (int s1 : new int[] {-1, 1}) {
            for (int s2 : new int[] {-1, 1}) {
                sites.add(new double[] {s1 * h, s2 * h, 0});
                sites.add(new double[] {s1 * h, 0, s2 * h});
                sites.add(new double[] {0, s1 * h, s2 * h});
            }
        }
        double[] p = new double[3 * sites.size()];
        Element[] e = new Element[sites.size()];
        for (int i = 0; i < e.length; i++) {
            System.arraycopy(sites.get(i), 0, p, 3 * i, 3);
            e[i] = Argon.AR;
        }
        return Configuration.of(e, p, Cell.none());
    }

    @Test
    void bothRelaxARattledClusterBelowTheForceTolerance() {
        Configuration start = Argon.rattle(cuboctahedron(), 0.1, 3);
        for (Minimizer min : new Minimizer[] {FIRE, LBFGS}) {
            AtomisticModel m = Argon.model(start);
            double e0 = m.energy(m.initialPoint());
            MinimizationResult r = min.minimize(m, m.initialPoint()).requireConverged();
            assertTrue(r.forceNorm() <= TOL, r.status());
            assertTrue(r.energy() < e0, min + ": " + r.energy() + " not below the start " + e0);
            assertEquals(Argon.LJ.compute(m.configurationAt(r.x())).energy(), r.energy(), 1e-12);
            assertEquals(Argon.LJ.compute(m.configurationAt(r.x())).maxForce(), r.forceNorm(), 1e-12);
            assertTrue(r.status().contains("converged: force norm"), r.status());
        }
    }

    @Test
    void bothReachThePerfectCrystalFromARattledOne() {
        Configuration perfect = Argon.fcc(2);
        double ePerfect = Argon.LJ.compute(perfect).energy();
        Configuration start = Argon.rattle(perfect, 0.15, 5);
        double[] energies = new double[2];
        int i = 0;
        for (Minimizer min : new Minimizer[] {FIRE, LBFGS}) {
            AtomisticModel m = Argon.model(start);
            MinimizationResult r = min.minimize(m, m.initialPoint()).requireConverged();
            energies[i++] = r.energy();
            // the perfect lattice, up to a rigid translation (free in a periodic cell)
            double[] x = r.x();
            double[] p = perfect.positions();
            double[] shift = new double[3];
            for (int k = 0; k < x.length; k++) {
                shift[k % 3] += (x[k] - p[k]) / perfect.size();
            }
            for (int k = 0; k < x.length; k++) {
                assertEquals(p[k] + shift[k % 3], x[k], 1e-3, min + " component " + k);
            }
        }
        assertEquals(ePerfect, energies[0], 1e-6);
        assertEquals(ePerfect, energies[1], 1e-6);
        assertEquals(energies[0], energies[1], 1e-6);
    }

    @Test
    void lbfgsEnergyNeverIncreasesAndTheObserverSeesEveryIteration() {
        AtomisticModel m = Argon.model(Argon.rattle(cuboctahedron(), 0.1, 4));
        List<double[]> seen = new ArrayList<>();
        MinimizationResult r = LBFGS.minimize(m, m.initialPoint(), (it, e, f) -> seen.add(new double[] {it, e, f}));
        assertTrue(r.converged(), r.status());
        assertEquals(r.iterations() + 1, seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k, (int) seen.get(k)[0]);
            if (k > 0) {
                assertTrue(seen.get(k)[1] <= seen.get(k - 1)[1], "energy rose at iteration " + k);
            }
        }
        assertEquals(r.energy(), seen.get(seen.size() - 1)[1], 0.0);
        assertEquals(r.evaluations(), m.evaluations());
    }

    @Test
    void fixedAtomsStayWhereTheyAre() {
        Configuration start = Argon.rattle(Argon.fcc(2), 0.15, 6);
        for (Minimizer min : new Minimizer[] {FIRE, LBFGS}) {
            AtomisticModel m = AtomisticModel.builder(Argon.LJ, start).request(Argon.SERIAL).fixAtoms(0, 1, 2, 3).build();
            MinimizationResult r = min.minimize(m, m.initialPoint()).requireConverged();
            Configuration end = m.configurationAt(r.x());
            for (int a = 0; a < 4; a++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(start.x(a, k), end.x(a, k), 0.0);
                }
            }
            assertTrue(end.x(10, 0) != start.x(10, 0));
        }
    }

    @Test
    void lbfgsSolvesRosenbrock() {
        for (int n : new int[] {2, 10}) {
            Rosenbrock f = new Rosenbrock(n);
            double[] x0 = new double[n];
            for (int k = 0; k < n; k++) {
                x0[k] = k % 2 == 0 ? -1.2 : 1.0; // the classic start (Nocedal & Wright §2.2)
            }
            MinimizationResult r = Lbfgs.defaults().withTolerance(1e-8).withMaxStep(1.0).withMaxIterations(500)
                    .minimize(f, x0).requireConverged();
            for (double v : r.x()) {
                assertEquals(1.0, v, 1e-7);
            }
            assertTrue(r.energy() < 1e-14, "f = " + r.energy());
            assertTrue(r.iterations() < 150, n + "-d Rosenbrock took " + r.iterations() + " iterations");
        }
    }

    @Test
    void fireSolvesRosenbrockToo() {
        MinimizationResult r = Fire.defaults().withTolerance(1e-6).withMaxIterations(20000).withTimeSteps(0.002, 0.02)
                .minimize(new Rosenbrock(2), new double[] {-1.2, 1}).requireConverged();
        assertEquals(1.0, r.x()[0], 1e-5);
        assertEquals(1.0, r.x()[1], 1e-5);
    }

    @Test
    void tinyStepLimitGivesAnHonestFailure() {
        Configuration start = Argon.rattle(Argon.fcc(2), 0.15, 7);
        Minimizer[] starved = {FIRE, LBFGS};
        starved[0] = Fire.defaults().withTolerance(TOL).withMaxStep(1e-5).withMaxIterations(30);
        starved[1] = Lbfgs.defaults().withTolerance(TOL).withMaxStep(1e-5).withMaxIterations(30);
        for (Minimizer min : starved) {
            AtomisticModel m = Argon.model(start);
            MinimizationResult r = min.minimize(m, m.initialPoint());
            assertFalse(r.converged());
            assertEquals(30, r.iterations());
            assertTrue(r.forceNorm() > TOL);
            String s = r.status();
            assertTrue(s.contains("not converged: force norm") && s.contains("eV/Å above tolerance 1.00e-04 eV/Å after 30 iterations")
                    && s.contains("iteration limit 30 reached"), s);
            ConvergenceException ex = assertThrows(ConvergenceException.class, r::requireConverged);
            assertEquals(s, ex.getMessage());
        }
    }

    @Test
    void aGradientThatContradictsTheEnergyEndsInAFailedLineSearch() {
        // E = ½|x|², but the gradient handed out is −x: every "descent" direction goes uphill
        EnergyModel inconsistent = new EnergyModel() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double energy(double[] x) {
                return 0.5 * (x[0] * x[0] + x[1] * x[1]);
            }

            @Override
            public double energyAndGradient(double[] x, double[] g) {
                g[0] = -x[0];
                g[1] = -x[1];
                return energy(x);
            }
        };
        MinimizationResult r = LBFGS.minimize(inconsistent, new double[] {1, 2});
        assertFalse(r.converged());
        assertEquals(0, r.iterations());
        assertTrue(r.status().contains("line search failed along steepest descent"), r.status());
        assertEquals(2.5, r.energy(), 0.0);
    }

    /** Records every point at which the model is evaluated. */
    private static final class Recording implements EnergyModel {
        final EnergyModel inner;
        final List<double[]> points = new ArrayList<>();

        Recording(EnergyModel inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double energy(double[] x) {
            points.add(x.clone());
            return inner.energy(x);
        }

        @Override
        public double energyAndGradient(double[] x, double[] g) {
            points.add(x.clone());
            return inner.energyAndGradient(x, g);
        }
    }

    @Test
    void noTrialPointIsFurtherThanTheMaximumStep() {
        double maxStep = 0.05;
        Minimizer[] limited = {Fire.defaults().withMaxStep(maxStep).withTolerance(1e-6).withMaxIterations(20000),
            Lbfgs.defaults().withMaxStep(maxStep).withTolerance(1e-6)};
        for (Minimizer min : limited) {
            Recording f = new Recording(new Rosenbrock(2));
            min.minimize(f, new double[] {-1.2, 1}).requireConverged();
            // every point lies within maxStep of a point evaluated before it (the iterate it started from)
            for (int k = 1; k < f.points.size(); k++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double[] d = {f.points.get(k)[0] - f.points.get(j)[0], f.points.get(k)[1] - f.points.get(j)[1]};
                    nearest = Math.min(nearest, f.stepNorm(d));
                }
                assertTrue(nearest <= maxStep * (1 + 1e-12), min + ": evaluation " + k + " is " + nearest + " away");
            }
        }
    }

    @Test
    void startingAtAMinimumTakesNoStep() {
        AtomisticModel m = Argon.model(Argon.fcc(2));
        for (Minimizer min : new Minimizer[] {FIRE, LBFGS}) {
            MinimizationResult r = min.minimize(m, m.initialPoint());
            assertTrue(r.converged());
            assertEquals(0, r.iterations());
            assertEquals(1, r.evaluations());
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Fire.defaults().withTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.defaults().withMaxStep(-1));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.defaults().withMemory(0));
        assertThrows(IllegalArgumentException.class, () -> Fire.defaults().withTimeSteps(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LBFGS.minimize(new Rosenbrock(3), new double[2]));
    }
}
