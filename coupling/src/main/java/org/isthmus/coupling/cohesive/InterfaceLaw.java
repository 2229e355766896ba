package org.isthmus.coupling.cohesive;

import java.util.function.IntConsumer;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * The cohesive law of the interface between two crystals, A below B, derived from a potential:
 * the halves of {@link HalfCrystals#adhesion} (each at least twice the cutoff thick, B strained
 * in-plane to A's periods by the repeats) are first built at the mean of the two cleavage gaps and
 * rebuilt at the gap where the rigid normal traction vanishes
 * ({@link CohesiveLawDerivation#equilibriumOpening}), so the table starts at equilibrium; the
 * decohesion form removes the elastic opening of half a stacking period on each side,
 * s = d_A/(2C⊥ᴬ) + d_B/(2C⊥ᴮ) (Hayes, Ortiz &amp; Carter, Phys. Rev. B 69, 172104 (2004); Å⁴/eV),
 * with C⊥ of each unstrained crystal ({@link NormalModulus}). Immutable.
 *
 * @param halves       the two halves at zero opening (at {@code gap})
 * @param law          the law; its work of separation is the work of adhesion W_adh (eV/Å²)
 * @param gap          distance between A's top and B's bottom atomic layer at zero opening (Å)
 * @param lowerModulus C⊥ of A (eV/Å³)
 * @param upperModulus C⊥ of B (eV/Å³)
 */
public record InterfaceLaw(HalfCrystals halves, DerivedCohesiveLaw law, double gap, double lowerModulus,
        double upperModulus) {

    /**
     * Derives the law of {@code lower} (A) below {@code upper} (B) on the normal openings
     * {@code normal} (Å, from 0), rigid or relaxed; {@code progress} receives the index of each
     * opening done (may be null).
     */
    public static InterfaceLaw derive(Potential potential, OrientedCrystal lower, OrientedCrystal upper, InterfaceRepeats r,
            boolean relaxed, double[] normal, int threads, IntConsumer progress) {
        double half = 2 * potential.cutoff();
        HalfCrystals guess = HalfCrystals.adhesion(lower, r.a1(), r.a2(), upper, r.b1(), r.b2(), half, Double.NaN);
        double shift = CohesiveLawDerivation.builder(potential, guess).threads(threads).build().equilibriumOpening();
        double gap = 0.5 * (lower.cleavageGap() + upper.cleavageGap()) + shift;
        HalfCrystals halves = HalfCrystals.adhesion(lower, r.a1(), r.a2(), upper, r.b1(), r.b2(), half, gap);
        double cA = NormalModulus.of(potential, lower, 1);
        double cB = NormalModulus.of(potential, upper, 1);
        double s = 0.5 * lower.stackingPeriod() / cA + 0.5 * upper.stackingPeriod() / cB;
        SeparationTable table = CohesiveLawDerivation.builder(potential, halves).relaxed(relaxed).threads(threads)
                .layerCompliance(s).build().table(normal, new double[] {0}, progress == null ? k -> { } : progress);
        return new InterfaceLaw(halves, DerivedCohesiveLaw.of(table, s), gap, cA, cB);
    }
}
