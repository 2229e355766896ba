package org.isthmus.atomistic.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.potential.eam.EamPotential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The exact Hessians of Lennard-Jones, Stillinger–Weber and EAM (analytic Zhou and tabulated
 * funcfl): equal to central differences of the analytic forces (a cross-check, h = 1e-5 Å),
 * symmetric to round-off, with weights and a mask honoured, periodic and not.
 */
class HessianTest {

    static Stream<Arguments> cases() {
        Element ar = Element.of("Ar");
        Element si = Element.of("Si");
        Element cu = Element.of("Cu");
        Element ag = Element.of("Ag");
        Potential lj = LennardJones.builder(8.5).species(ar, 0.0103408, 3.405).build();
        Configuration argon = Lattices.fcc(ar, 5.26, 2, 2, 2);
        Configuration silicon = Lattices.diamond(si, 5.431, 1, 1, 1);
        Configuration copper = Lattices.fcc(cu, 3.615, 2, 2, 2);
        Configuration alloy = copper.withCell(copper.cell());
        Element[] mixed = alloy.species();
        for (int i = 0; i < mixed.length; i += 3) {
            mixed[i] = ag;
        }
        alloy = Configuration.of(mixed, alloy.positions(), alloy.cell());
        return Stream.of(Arguments.of("LJ Ar", lj, argon), Arguments.of("SW Si", StillingerWeber.silicon1985(), silicon),
                Arguments.of("Zhou Cu", ZhouEam.of(cu), copper), Arguments.of("Zhou CuAg", ZhouEam.of(cu, ag), alloy));
    }

    static Configuration rattled(Configuration c, long seed, double amplitude) {
        Random rnd = new Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += amplitude * rnd.nextGaussian();
        }
        return c.withPositions(p);
    }

    /** max |H − H_fd| over the matrix, with H_fd from central differences of the forces. */
    static double deviationFromForces(Potential p, Configuration c, Request request, Hessian h) {
        double step = 1e-5;
        double worst = 0;
        double[] x = c.positions();
        for (int l = 0; l < x.length; l++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[l] += step;
            minus[l] -= step;
            double[] fp = p.compute(c.withPositions(plus), request).forces();
            double[] fm = p.compute(c.withPositions(minus), request).forces();
            for (int k = 0; k < x.length; k++) {
                double fd = -(fp[k] - fm[k]) / (2 * step);
                worst = Math.max(worst, Math.abs(fd - h.get(k, l)));
            }
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianEqualsDifferencesOfTheAnalyticForces(String name, Potential p, Configuration crystal) {
        assertTrue(p.hasHessian());
        Configuration c = rattled(crystal, 5, 0.05);
        Hessian h = p.hessian(c, Request.defaults());
        double scale = 0;
        for (int k = 0; k < h.dimension(); k++) {
            scale = Math.max(scale, Math.abs(h.get(k, k)));
        }
        assertTrue(h.maxAsymmetry() < 1e-10 * scale, name + " asymmetry " + h.maxAsymmetry());
        double dev = deviationFromForces(p, c, Request.defaults(), h);
        assertTrue(dev < 1e-5 * scale, name + ": |H − H_fd| = " + dev + " (diagonal scale " + scale + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weightsAndMaskAreHonouredInAnOpenCluster(String name, Potential p, Configuration crystal) {
        Configuration c = rattled(crystal, 9, 0.04).withCell(Cell.none());
        int n = c.size();
        double[] w = new double[n];
        int[] body = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.2 + 0.8 * ((i * 7) % 5) / 4.0;
            body[i] = c.x(i, 2) > crystal.cell().get(2, 2) / 2 ? 1 : 0;
        }
        Request r = Request.defaults().withWeights(w).withMask(InteractionMask.withinBodies(body));
        Hessian h = p.hessian(c, r);
        double scale = 0;
        for (int k = 0; k < h.dimension(); k++) {
            scale = Math.max(scale, Math.abs(h.get(k, k)));
        }
        double dev = deviationFromForces(p, c, r, h);
        assertTrue(dev < 1e-5 * scale, name + ": |H − H_fd| = " + dev);
        // translation invariance: every row sums to zero over each Cartesian component
        for (int k = 0; k < h.dimension(); k++) {
            for (int beta = 0; beta < 3; beta++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += h.get(k, 3 * j + beta);
                }
                assertEquals(0, s, 1e-9 * scale);
            }
        }
    }

    @Test
    void tabulatedEamHasAnExactHessianToo() {
        Element cu = Element.of("Cu");
        EamPotential table = EamPotential.readFuncfl(SharedData.require("potentials/Cu_u3.eam"));
        Configuration c = rattled(Lattices.fcc(cu, 3.615, 2, 2, 2), 3, 0.05);
        Hessian h = table.hessian(c, Request.defaults());
        double dev = deviationFromForces(table, c, Request.defaults(), h);
        assertTrue(dev < 1e-4 * Math.abs(h.get(0, 0)), "funcfl |H − H_fd| = " + dev);
    }

    @Test
    void potentialsWithoutSecondDerivativesSaySo() {
        Potential none = new Potential() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public double cutoff() {
                return 1;
            }

            @Override
            public java.util.Set<Element> species() {
                return java.util.Set.of(Element.of("Ar"));
            }

            @Override
            public Evaluation compute(Configuration configuration, Request request) {
                throw new UnsupportedOperationException();
            }
        };
        assertFalse(none.hasHessian());
        UnsupportedRequestException e = assertThrows(UnsupportedRequestException.class,
                () -> none.hessian(Lattices.fcc(Element.of("Ar"), 5.26, 1, 1, 1), Request.defaults()));
        assertTrue(e.getMessage().contains("test"));
    }
}
