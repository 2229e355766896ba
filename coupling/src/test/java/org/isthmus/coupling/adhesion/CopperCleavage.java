package org.isthmus.coupling.adhesion;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.cohesive.CohesiveLawDerivation;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * The copper fixture of the edge-of-contact tests: Zhou's Cu EAM, fcc Cu (a = 3.615 Å) with
 * (111) faces and x along [1−10], and its (111) cleavage law derived on the 8 × 81 grid (eV, Å).
 * Built once per test run: the derivation is the costly part.
 */
record CopperCleavage(Potential eam, OrientedCrystal crystal, DerivedCohesiveLaw law) {

    private static CopperCleavage built;

    /** The fixture (the same object for every caller). */
    static synchronized CopperCleavage get() {
        if (built == null) {
            Element cu = Element.of("Cu");
            Potential eam = ZhouEam.of(cu);
            OrientedCrystal c = OrientedCrystal.of("fcc", cu, 3.615, "111", "1-10");
            built = new CopperCleavage(eam, c, CohesiveLawDerivation.cleavage(eam, c).build().derive(8, 81));
        }
        return built;
    }
}
