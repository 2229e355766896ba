package org.isthmus.atomistic.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Potential} honours (DESIGN.md, "the physics contract"). A potential's
 * test extends this class and supplies the potential and sample configurations; the checks are the
 * same for all. Tolerances may be tightened or relaxed per potential by overriding the
 * {@code tol…} methods; each says what it bounds.
 */
public abstract class PotentialContract {

    /** The potential under test. */
    protected abstract Potential potential();

    /** A small periodic configuration (rattled crystal, a few dozen atoms, several species if the potential has them). */
    protected abstract Configuration periodicSample();

    /** A small non-periodic cluster (no cell) with neighbours within the cutoff. */
    protected abstract Configuration clusterSample();

    /** Relative tolerance of energy invariances. */
    protected double tolInvariance() {
        return 1e-10;
    }

    /** Absolute tolerance (eV/Å) of forces against central differences. */
    protected double tolFiniteDifference() {
        return 1e-6;
    }

    /** Central-difference step (Å). */
    protected double fdStep() {
        return 1e-5;
    }

    /** Absolute tolerance (eV/Å) of equivariance checks on forces. */
    protected double tolForces() {
        return 1e-9;
    }

    /** Largest energy step (eV) allowed as a neighbour crosses the cutoff. */
    protected double tolCutoffEnergyJump() {
        return 1e-6;
    }

    /**
     * Largest force step (eV/Å) allowed as a neighbour crosses the cutoff. Relax it only for a
     * published tabulated potential whose functions are not C¹ at its cutoff, and say so.
     */
    protected double tolCutoffForceJump() {
        return 1e-3;
    }

    // ----------------------------------------------------------------- helpers

    protected static Configuration rattle(Configuration c, double amplitude, long seed) {
        Random r = new Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += amplitude * (2 * r.nextDouble() - 1);
        }
        return c.withPositions(p);
    }

    private static double[][] randomRotation(long seed) {
        Random r = new Random(seed);
        Vector3D axis = new Vector3D(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalize();
        return new Rotation(axis, 0.3 + 2 * r.nextDouble(), RotationConvention.VECTOR_OPERATOR).getMatrix();
    }

    private static double[] rotateVectors(double[] v, double[][] m) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            for (int r = 0; r < 3; r++) {
                out[i + r] = m[r][0] * v[i] + m[r][1] * v[i + 1] + m[r][2] * v[i + 2];
            }
        }
        return out;
    }

    private void assertEnergyClose(double expected, double actual, String what) {
        assertEquals(expected, actual, tolInvariance() * Math.max(1, Math.abs(expected)), what);
    }

    protected static double[] numericalForces(Potential p, Configuration c, Request req, double h) {
        double[] x = c.positions();
        double[] f = new double[x.length];
        Request energyOnly = req.withGradient(false);
        for (int k = 0; k < x.length; k++) {
            double[] xp = x.clone();
            xp[k] += h;
            double[] xm = x.clone();
            xm[k] -= h;
            double ep = p.compute(c.withPositions(xp), energyOnly).energy();
            double em = p.compute(c.withPositions(xm), energyOnly).energy();
            f[k] = -(ep - em) / (2 * h);
        }
        return f;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void siteEnergiesSumToTotal() {
        for (Configuration c : new Configuration[] {periodicSample(), clusterSample()}) {
            Evaluation e = potential().compute(c);
            double s = 0;
            for (double v : e.siteEnergies()) {
                s += v;
            }
            assertEnergyClose(e.energy(), s, "Σ ε_i = E");
        }
    }

    @Test
    void translationInvariance() {
        for (Configuration c : new Configuration[] {periodicSample(), clusterSample()}) {
            Evaluation e0 = potential().compute(c);
            double[] p = c.positions();
            for (int i = 0; i < p.length; i += 3) {
                p[i] += 1.234567;
                p[i + 1] -= 0.731;
                p[i + 2] += 3.3;
            }
            Evaluation e1 = potential().compute(c.withPositions(p));
            assertEnergyClose(e0.energy(), e1.energy(), "translated energy");
            assertArrayEquals(e0.forces(), e1.forces(), tolForces(), "translated forces");
        }
    }

    @Test
    void rotationInvarianceAndForceEquivariance() {
        double[][] m = randomRotation(11);
        for (Configuration c : new Configuration[] {periodicSample(), clusterSample()}) {
            Evaluation e0 = potential().compute(c);
            Evaluation e1 = potential().compute(c.deformed(m));
            assertEnergyClose(e0.energy(), e1.energy(), "rotated energy");
            assertArrayEquals(rotateVectors(e0.forces(), m), e1.forces(), tolForces(), "rotated forces");
        }
    }

    @Test
    void reflectionInvariance() {
        double[][] mirror = {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}};
        for (Configuration c : new Configuration[] {periodicSample(), clusterSample()}) {
            Evaluation e0 = potential().compute(c);
            Evaluation e1 = potential().compute(c.deformed(mirror));
            assertEnergyClose(e0.energy(), e1.energy(), "mirrored energy");
            assertArrayEquals(rotateVectors(e0.forces(), mirror), e1.forces(), tolForces(), "mirrored forces");
        }
    }

    @Test
    void permutationInvariance() {
        Configuration c = periodicSample();
        int n = c.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = n - 1 - i; // reversal, then species follow their atoms
        }
        Element[] s = new Element[n];
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            s[i] = c.species(perm[i]);
            System.arraycopy(c.positions(), 3 * perm[i], p, 3 * i, 3);
        }
        Configuration q = Configuration.of(s, p, c.cell());
        Evaluation e0 = potential().compute(c);
        Evaluation e1 = potential().compute(q);
        assertEnergyClose(e0.energy(), e1.energy(), "permuted energy");
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(e0.force(perm[i], k), e1.force(i, k), tolForces(), "permuted force");
            }
        }
    }

    @Test
    void forcesAreMinusTheGradient() {
        for (Configuration c : new Configuration[] {periodicSample(), clusterSample()}) {
            Evaluation e = potential().compute(c);
            double[] fd = numericalForces(potential(), c, Request.defaults(), fdStep());
            assertArrayEquals(fd, e.forces(), tolFiniteDifference(), "forces vs central differences");
        }
    }

    @Test
    void weightedForcesAreMinusTheWeightedGradient() {
        Configuration c = periodicSample();
        double[] w = new double[c.size()];
        Random r = new Random(5);
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble();
        }
        w[0] = 0;
        Request req = Request.defaults().withWeights(w);
        Evaluation e = potential().compute(c, req);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * e.siteEnergy(i);
        }
        assertEnergyClose(s, e.energy(), "E_w = Σ w_i ε_i");
        assertArrayEquals(potential().compute(c).siteEnergies(), e.siteEnergies(), 1e-12, "site energies do not depend on weights");
        assertArrayEquals(numericalForces(potential(), c, req, fdStep()), e.forces(), tolFiniteDifference(),
                "weighted forces vs central differences");
    }

    @Test
    void virialIsMinusTheStrainDerivative() {
        Configuration c = periodicSample();
        double[] w = potential().compute(c).virial();
        double h = 1e-6;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double[][] fp = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                double[][] fm = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                fp[a][b] += h;
                fm[a][b] -= h;
                double ep = potential().compute(c.deformed(fp), Request.defaults().withGradient(false)).energy();
                double em = potential().compute(c.deformed(fm), Request.defaults().withGradient(false)).energy();
                double dEde = (ep - em) / (2 * h);
                assertEquals(-dEde, w[3 * a + b], 1e-5 * Math.max(1, Math.abs(dEde)) * 10, "virial " + a + b);
            }
        }
    }

    @Test
    void sizeExtensive() {
        Configuration c = clusterSample();
        double e1 = potential().compute(c).energy();
        double[] p = c.positions();
        double[] q = p.clone();
        for (int i = 0; i < q.length; i += 3) {
            q[i] += 10 * potential().cutoff() + 100;
        }
        Configuration two = c.append(c.withPositions(q));
        assertEnergyClose(2 * e1, potential().compute(two).energy(), "two far-apart copies");
    }

    @Test
    void maskedBodiesDoNotSeeEachOther() {
        Configuration a = clusterSample();
        double shift = 0.6 * potential().cutoff(); // overlapping interaction ranges
        double[] q = a.positions();
        for (int i = 0; i < q.length; i += 3) {
            q[i] += shift;
        }
        Configuration b = a.withPositions(q);
        Configuration both = a.append(b);
        int[] labels = new int[both.size()];
        for (int i = a.size(); i < labels.length; i++) {
            labels[i] = 1;
        }
        Request masked = Request.defaults().withMask(InteractionMask.withinBodies(labels));
        Evaluation e = potential().compute(both, masked);
        double expected = potential().compute(a).energy() + potential().compute(b).energy();
        assertEnergyClose(expected, e.energy(), "masked energy = sum of bodies alone");
        assertArrayEquals(numericalForces(potential(), both, masked, fdStep()), e.forces(), tolFiniteDifference(),
                "masked forces vs central differences");
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        Configuration c = periodicSample();
        Evaluation one = potential().compute(c, Request.defaults().withThreads(1));
        Evaluation four = potential().compute(c, Request.defaults().withThreads(4));
        assertEquals(one.energy(), four.energy(), 1e-12 * Math.max(1, Math.abs(one.energy())));
        assertArrayEquals(one.forces(), four.forces(), 1e-12);
        assertArrayEquals(one.virial(), four.virial(), 1e-10);
    }

    @Test
    void smoothAcrossTheCutoff() {
        // a neighbour of the same species approaches a cluster atom along x through r_c
        Configuration c = clusterSample();
        double rc = potential().cutoff();
        Element s = c.species(0);
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            maxX = Math.max(maxX, c.x(i, 0));
        }
        int far = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.x(i, 0) == maxX) {
                far = i;
            }
        }
        double delta = 1e-6;
        double[] e = new double[2];
        double[] fx = new double[2];
        for (int side = 0; side < 2; side++) {
            double x = c.x(far, 0) + rc + (side == 0 ? -delta : delta);
            Configuration probe = c.append(Configuration.of(new Element[] {s},
                    new double[] {x, c.x(far, 1), c.x(far, 2)}, Cell.none()));
            Evaluation ev = potential().compute(probe);
            e[side] = ev.energy();
            fx[side] = ev.force(probe.size() - 1, 0);
        }
        assertTrue(Math.abs(e[0] - e[1]) < tolCutoffEnergyJump(), "energy jumps by " + (e[0] - e[1]) + " eV at r_c");
        assertTrue(Math.abs(fx[0] - fx[1]) < tolCutoffForceJump(), "force jumps by " + (fx[0] - fx[1]) + " eV/Å at r_c");
    }
}
