package org.isthmus.atomistic.saddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The climbing-image NEB finds saddle points known independently: the Müller–Brown surface's
 * highest saddle on the path between its two deepest minima (K. Müller, L. D. Brown, Theor.
 * Chim. Acta 53, 75 (1979)), and the vacancy hop in fcc copper, whose saddle by symmetry lies
 * with the hopping atom at the midpoint (checked by a constrained minimisation there).
 */
class NudgedElasticBandTest {

    @Test
    void climbingImageFindsTheMullerBrownSaddle() {
        MullerBrown mb = new MullerBrown();
        Lbfgs lbfgs = Lbfgs.defaults().withTolerance(1e-8).withMaxStep(0.05);
        double[] a = lbfgs.minimize(mb, new double[] {-0.55, 1.45}).x();
        double[] b = lbfgs.minimize(mb, new double[] {0.6, 0.03}).x();
        assertEquals(-146.699, mb.energy(a), 1e-3, "minimum A");
        assertEquals(-108.167, mb.energy(b), 1e-3, "minimum B");
        Fire fire = Fire.defaults().withTolerance(1e-3).withTimeSteps(1e-4, 2e-3).withMaxStep(0.01).withMaxIterations(20000);
        ReactionPath path = NudgedElasticBand.between(MullerBrown::new, a, b, 13).withSpring(50).withFire(fire).run();
        assertTrue(path.converged(), path.status());
        double[] s = path.image(path.saddleIndex());
        // the saddle between A and the intermediate minimum: (−0.82200, 0.62431), V = −40.665
        assertEquals(-0.82200, s[0], 1e-4);
        assertEquals(0.62431, s[1], 1e-4);
        assertEquals(-40.665, path.saddleEnergy(), 1e-3);
        double[] g = new double[2];
        mb.energyAndGradient(s, g);
        assertTrue(Math.hypot(g[0], g[1]) < 1e-2, "true gradient at the climbing image " + Math.hypot(g[0], g[1]));
        assertEquals(path.saddleEnergy() - mb.energy(a), path.forwardBarrier(), 0);
    }

    @Test
    void vacancyHopInCopperHasItsSaddleAtTheSymmetricMidpoint() {
        VacancyHop hop = new VacancyHop();
        Potential eam = hop.eam;
        double a0 = hop.a0;
        Configuration initial = hop.initial;
        int h = hop.hopper;
        double[] start = hop.start;
        double[] end = hop.end;
        Lbfgs relax = Lbfgs.defaults().withTolerance(1e-5);
        Fire fire = Fire.defaults().withTolerance(2e-3).withMaxIterations(5000);
        ReactionPath path = NudgedElasticBand.between(() -> AtomisticModel.of(eam, initial), start, end, 5)
                .withFire(fire).run();
        assertTrue(path.converged(), path.status());
        assertEquals(path.forwardBarrier(), path.backwardBarrier(), 2e-3, "symmetric hop");
        assertEquals(3, path.saddleIndex(), "saddle at the middle image");
        // independent check: fix the hopper at the midpoint (x = y = 1.25 a0 by the two mirror
        // symmetries of the hop) and relax everything else: that constrained minimum is the saddle
        double[] mid = initial.positions();
        mid[3 * h] = 1.25 * a0;
        mid[3 * h + 1] = 1.25 * a0;
        boolean[] fixed = new boolean[3 * initial.size()];
        fixed[3 * h] = true;
        fixed[3 * h + 1] = true;
        AtomisticModel constrained = AtomisticModel.builder(eam, initial.withPositions(mid)).fixComponents(fixed).build();
        MinimizationResult saddle = relax.minimize(constrained, constrained.initialPoint());
        assertTrue(saddle.converged(), saddle.status());
        assertEquals(saddle.energy(), path.saddleEnergy(), 2e-3, "CI-NEB saddle vs constrained midpoint minimum");
        assertTrue(path.forwardBarrier() > 0.4 && path.forwardBarrier() < 1.2,
                "vacancy migration barrier of Cu is of order 0.7 eV; got " + path.forwardBarrier());
        System.out.printf("Cu (Zhou EAM) vacancy migration: CI-NEB %.4f eV, constrained midpoint %.4f eV%n",
                path.forwardBarrier(), saddle.energy() - path.energies()[0]);
    }
}
