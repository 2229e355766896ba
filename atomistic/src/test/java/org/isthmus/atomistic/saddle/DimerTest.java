package org.isthmus.atomistic.saddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.analysis.Vibrations;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The dimer method finds, from single guesses, the two Müller–Brown saddles (known to 5 digits)
 * and the copper vacancy-hop saddle of the climbing-image NEB (same energy within 2 meV, one
 * negative Hessian eigenvalue there); the intrinsic reaction coordinate from the Müller–Brown
 * saddle ends in the two minima it joins.
 */
class DimerTest {

    @Test
    void findsBothMullerBrownSaddlesFromSingleGuesses() {
        MullerBrown mb = new MullerBrown();
        Dimer dimer = Dimer.defaults().withHalfLength(1e-4).withTolerance(1e-6).withMaxStep(0.02);
        Dimer.Result s1 = dimer.search(mb, new double[] {-0.7, 0.5}, new double[] {1, 0});
        assertTrue(s1.converged(), s1.status());
        assertEquals(-0.82200, s1.point()[0], 1e-4);
        assertEquals(0.62431, s1.point()[1], 1e-4);
        assertEquals(-40.665, s1.energy(), 1e-3);
        assertTrue(s1.curvature() < 0);
        Dimer.Result s2 = dimer.search(mb, new double[] {0.1, 0.35}, new double[] {0, 1});
        assertTrue(s2.converged(), s2.status());
        assertEquals(0.21249, s2.point()[0], 1e-4);
        assertEquals(0.29299, s2.point()[1], 1e-4);
        assertEquals(-72.249, s2.energy(), 1e-3);
        System.out.printf("dimer Müller–Brown: %s at (%.5f, %.5f) %.4f in %d gradients; %s at (%.5f, %.5f) %.4f in %d%n",
                s1.status(), s1.point()[0], s1.point()[1], s1.energy(), s1.evaluations(), s2.status(), s2.point()[0],
                s2.point()[1], s2.energy(), s2.evaluations());
    }

    @Test
    void reactionCoordinateFromTheSaddleEndsInTheTwoMinima() {
        MullerBrown mb = new MullerBrown();
        Dimer.Result s = Dimer.defaults().withHalfLength(1e-4).withTolerance(1e-6).withMaxStep(0.02)
                .search(mb, new double[] {-0.7, 0.5}, new double[] {1, 0});
        ReactionPath irc = IntrinsicReactionCoordinate.defaults().withStep(0.005).withTolerance(1e-2)
                .run(mb, s.point(), s.mode(), null);
        assertTrue(irc.converged(), irc.status());
        Lbfgs lbfgs = Lbfgs.defaults().withTolerance(1e-8).withMaxStep(0.05);
        double[] a = lbfgs.minimize(mb, new double[] {-0.55, 1.45}).x();
        double[] mid = lbfgs.minimize(mb, new double[] {-0.05, 0.47}).x();
        double[] first = irc.image(0);
        double[] last = irc.image(irc.size() - 1);
        double[] upper = first[1] > last[1] ? first : last;
        double[] lower = first[1] > last[1] ? last : first;
        assertEquals(0, ReactionPath.distance(upper, a), 2e-3, "one end in minimum A");
        assertEquals(0, ReactionPath.distance(lower, mid), 2e-3, "the other in the intermediate minimum");
        double[] e = irc.energies();
        int top = irc.saddleIndex();
        for (int i = 1; i < e.length; i++) {
            if (i <= top) {
                assertTrue(e[i] > e[i - 1], "energy rises to the saddle");
            } else {
                assertTrue(e[i] < e[i - 1], "and falls after it");
            }
        }
        assertEquals(s.energy(), irc.saddleEnergy(), 1e-12);
        System.out.printf("IRC Müller–Brown: %d points, ends %.4f and %.4f (minima %.4f, %.4f)%n", irc.size(),
                mb.energy(upper), mb.energy(lower), mb.energy(a), mb.energy(mid));
    }

    @Test
    void copperVacancyHopSaddleMatchesTheClimbingImageBand() {
        VacancyHop hop = new VacancyHop();
        int n = hop.start.length;
        double[] guess = new double[n];
        double[] direction = new double[n];
        java.util.Random rnd = new java.util.Random(3);
        for (int k = 0; k < n; k++) {
            guess[k] = 0.5 * (hop.start[k] + hop.end[k]) + 0.03 * rnd.nextGaussian();
            direction[k] = hop.end[k] - hop.start[k];
        }
        AtomisticModel model = hop.model();
        Dimer.Result d = Dimer.defaults().withTolerance(2e-3).withMaxStep(0.1).search(model, guess, direction);
        assertTrue(d.converged(), d.status());
        Fire fire = Fire.defaults().withTolerance(2e-3).withMaxIterations(5000);
        ReactionPath neb = NudgedElasticBand.between(hop::model, hop.start, hop.end, 5).withFire(fire).run();
        assertTrue(neb.converged(), neb.status());
        assertEquals(neb.saddleEnergy(), d.energy(), 2e-3, "dimer vs CI-NEB saddle energy (eV)");
        Configuration c = model.configurationAt(d.point());
        double[] w = Vibrations.of(c, hop.eam.hessian(c, Request.defaults())).angularFrequencies();
        assertTrue(w[0] < 0 && w[1] > 0, "exactly one unstable mode at the dimer saddle: " + w[0] + ", " + w[1]);
        System.out.printf("Cu vacancy hop: dimer saddle %.4f eV above start (%d gradients), CI-NEB %.4f eV; |ΔE| = %.1e eV%n",
                d.energy() - neb.energies()[0], d.evaluations(), neb.forwardBarrier(), Math.abs(d.energy() - neb.saddleEnergy()));
    }
}
