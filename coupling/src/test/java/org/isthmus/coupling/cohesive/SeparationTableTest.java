package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.cohesive.ExponentialLaw;
import org.isthmus.continuum.cohesive.TabulatedLaw;
import org.isthmus.coupling.crystal.MillerIndices;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * Tractions against central differences of φ (rigid and relaxed, normal and tangential), the
 * fits (UBER recovers its own data; Xu–Needleman's sliding part), the tabulated laws' works of
 * separation against the table's, and the decohesion form's bookkeeping.
 */
class SeparationTableTest {

    private static final Element SI = Element.of("Si");
    private static final Element CU = Element.of("Cu");

    @Test
    void rigidTractionsAreDerivativesOfTheEnergy() {
        Potential eam = ZhouEam.of(CU);
        CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(eam, OrientedCrystal.of("fcc", CU, 3.615, "111", "1-10")).build();
        double h = 1e-4;
        double[] dn = {0.3, 0.9, 1.7, 2.6};
        double[] dt = {0.4, 1.1};
        double[] n = new double[dn.length * 3];
        for (int i = 0; i < dn.length; i++) {
            n[3 * i] = dn[i] - h;
            n[3 * i + 1] = dn[i];
            n[3 * i + 2] = dn[i] + h;
        }
        double[] nn = new double[n.length + 1];
        System.arraycopy(n, 0, nn, 1, n.length);
        double[] tt = {0, dt[0] - h, dt[0], dt[0] + h, dt[1] - h, dt[1], dt[1] + h};
        SeparationTable t = d.table(nn, tt, i -> { });
        for (int i = 0; i < dn.length; i++) {
            int c = 3 * i + 2;
            for (int j : new int[] {0, 2, 5}) {
                double fdN = (t.energy(c + 1, j) - t.energy(c - 1, j)) / (2 * h);
                assertEquals(fdN, t.normalTraction(c, j), 1e-7, "T_n at " + dn[i] + ", column " + j);
            }
            for (int j : new int[] {2, 5}) {
                double fdT = (t.energy(c, j + 1) - t.energy(c, j - 1)) / (2 * h);
                assertEquals(fdT, t.tangentialTraction(c, j), 1e-7, "T_t at " + dn[i] + ", column " + j);
            }
        }
    }

    @Test
    void relaxedTractionIsTheDerivativeOfTheRelaxedEnergy() {
        Potential sw = StillingerWeber.silicon1985();
        CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(sw, OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10"))
                .relaxed(true).minimizer(org.isthmus.atomistic.minimize.Lbfgs.defaults().withTolerance(1e-6).withMaxIterations(5000))
                .build();
        double h = 1e-3;
        SeparationTable t = d.table(new double[] {0, 0.5, 1 - h, 1, 1 + h}, new double[] {0}, i -> { });
        assertEquals((t.energy(4, 0) - t.energy(2, 0)) / (2 * h), t.normalTraction(3, 0), 1e-5);
        assertTrue(t.relaxed());
        // the relaxed slab stretches elastically: less energy than rigid opening at the same held-layer opening
        SeparationTable rigid = CohesiveLawDerivation.cleavage(sw, OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10"))
                .build().table(new double[] {0, 0.5, 1}, new double[] {0}, i -> { });
        assertTrue(t.energy(3, 0) - t.energy(0, 0) < rigid.energy(2, 0) - rigid.energy(0, 0));
    }

    @Test
    void uberFitRecoversItsOwnData() {
        double w = 0.17;
        double l = 0.62;
        double[] x = CohesiveLawDerivation.grid(6, 61);
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = -w * (1 + x[i] / l) * Math.exp(-x[i] / l);
        }
        UberFit f = UberFit.fit(x, e);
        assertEquals(w, f.workOfSeparation(), 1e-9);
        assertEquals(l, f.length(), 1e-9);
        assertTrue(f.rmsResidual() < 1e-10 && f.maxResidual() < 1e-10);
        assertEquals(w / (Math.E * l), f.peakTraction(), 1e-9);
        assertEquals(f.traction(0.3), (f.energy(0.3 + 1e-6) - f.energy(0.3 - 1e-6)) / 2e-6, 1e-7);
    }

    @Test
    void xuNeedlemanFitOfItsOwnLaw() {
        ExponentialLaw xn = new ExponentialLaw(0.12, 0.55, 0.8, 0.6, 0);
        double[] dn = CohesiveLawDerivation.grid(6, 31);
        double[] dt = CohesiveLawDerivation.grid(3, 16);
        double[][] phi = new double[dn.length][dt.length];
        double[][] zero = new double[dn.length][dt.length];
        for (int i = 0; i < dn.length; i++) {
            for (int j = 0; j < dt.length; j++) {
                // the table's convention: φ → 0 when separated, −φ_n at zero opening
                phi[i][j] = xn.evaluate(new double[] {dn[i], dt[j], 0}, 0, null, null) - xn.workOfSeparation();
            }
        }
        SeparationTable t = new SeparationTable(dn, dt, phi, zero, zero, 1, false, "synthetic");
        XuNeedlemanFit f = XuNeedlemanFit.fit(t);
        assertTrue(f.shearFitted());
        assertEquals(0.12, f.sigmaMax(), 1e-8);
        assertEquals(0.55, f.deltaN(), 1e-8);
        assertEquals(0.8, f.deltaT(), 1e-6);
        assertEquals(0.6, f.q(), 1e-6);
        assertEquals(xn.workOfSeparation(), f.law().workOfSeparation(), 1e-8);
    }

    @Test
    void tabulatedLawsKeepTheTablesWorkOfSeparation() {
        Potential eam = ZhouEam.of(CU);
        CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(eam, OrientedCrystal.of("fcc", CU, 3.615, "100", "010")).build();
        DerivedCohesiveLaw law = d.derive(8, 81);
        double w = law.workOfSeparation();
        TabulatedLaw rigid = law.rigidLaw();
        TabulatedLaw dec = law.decohesionLaw();
        assertEquals(w, rigid.workOfSeparation(), 1e-14);
        // differs by s T(0)²/2 only (T(0) ≈ 3e-5 eV/Å³: Zhou's a = 3.615 Å is the equilibrium to 1e-5)
        assertEquals(w, dec.workOfSeparation(), 1e-8);
        // ∫ T dδ of each law (Simpson, fine grid) equals the work of separation
        for (TabulatedLaw l : new TabulatedLaw[] {rigid, dec}) {
            int n = 4000;
            double end = 8.5;
            double s = 0;
            double[] tr = new double[3];
            for (int i = 0; i <= n; i++) {
                l.evaluate(new double[] {end * i / n, 0, 0}, 0, tr, null);
                s += tr[0] * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
            }
            assertEquals(w, s * end / n / 3, 2e-4 * w);
        }
        // decohesion form: openings shrink by T·s, energies by s T²/2
        double s = law.layerCompliance();
        assertTrue(s > 0);
        double[][] dt = law.decohesionTable();
        double c = d0Modulus(d, s);
        assertEquals(NormalModulus.cubic(1, 1, 1, new double[] {1, 0, 0}), 1, 1e-15);
        assertTrue(c > 0.8 && c < 1.4, "C11 of Zhou Cu " + c * SeparationTable.GPA + " GPa");
        double peakT = 0;
        int at = 0;
        for (int i = 0; i < dt[2].length; i++) {
            if (dt[2][i] > peakT) {
                peakT = dt[2][i];
                at = i;
            }
        }
        double[] t = law.table().normalTractions();
        double[] x = law.table().normalOpenings();
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == peakT) {
                k = i;
            }
        }
        assertEquals(x[k] - peakT * s - (x[0] - t[0] * s), dt[0][at], 1e-12);
        assertTrue(law.uber().rmsResidual() < 0.05 * w);
    }

    @Test
    void decohesionFormOfAStiffLayerKeepsTheWorkOfSeparation() {
        Potential sw = StillingerWeber.silicon1985();
        DerivedCohesiveLaw law = CohesiveLawDerivation.cleavage(sw, OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10"))
                .build().derive(4, 81);
        // SW Si (111): the shuffle bond is stiffer in rigid opening than a stacking period of bulk
        assertTrue(law.effectiveCompliance() < 0.5 * law.layerCompliance(),
                law.effectiveCompliance() + " vs " + law.layerCompliance());
        double[][] t = law.decohesionTable();
        for (int i = 1; i < t[0].length; i++) {
            assertTrue(t[0][i] > t[0][i - 1], "decohesion openings increase at " + i);
        }
        // equal up to s T(0)²/2 (T(0) ≠ 0 as 5.431 Å is SW's equilibrium only to 1e-4 Å)
        double t0 = law.table().normalTractions()[0];
        double tol = 0.5 * law.effectiveCompliance() * t0 * t0 + 1e-12;
        assertEquals(law.workOfSeparation(), law.decohesionWorkOfSeparation(), tol);
        assertEquals(law.workOfSeparation(), law.decohesionLaw().workOfSeparation(), tol);
    }

    private static double d0Modulus(CohesiveLawDerivation d, double s) {
        return d.halves().layerSpacingA() / s;
    }

    @Test
    void normalModulusOfACubicCrystalMatchesTheRotatedVoigtMatrix() {
        double c11 = 1.0;
        double c12 = 0.6;
        double c44 = 0.45;
        double[][] v = new double[6][6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                v[i][j] = i == j ? c11 : c12;
            }
            v[i + 3][i + 3] = c44;
        }
        for (double[] n : new double[][] {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}, {1, 2, 3}}) {
            assertEquals(NormalModulus.cubic(c11, c12, c44, n), NormalModulus.fromVoigt(v, n), 1e-14);
        }
        assertEquals((c11 + 2 * c12 + 4 * c44) / 3, NormalModulus.cubic(c11, c12, c44, new double[] {1, 1, 1}), 1e-15);
        // SW Si (111), relaxed-ion: (C11 + 2C12 + 4C44)/3 with C11 = 151.4, C12 = 76.4, C44 = 56.4 GPa
        // (relaxed-ion C44 of SW, Cowley, PRB 1988); computed from the potential
        double c = NormalModulus.of(StillingerWeber.silicon1985(), OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10"), 1);
        assertEquals(176.6, c * SeparationTable.GPA, 1.0);
    }

    @Test
    void normalModulusAgreesWithTheCauchyBornMaterial() {
        // the continuum's relaxed-ion Cauchy–Born constants of the same potential, rotated to (111)
        Potential sw = StillingerWeber.silicon1985();
        double[][] c = new org.isthmus.continuum.material.CauchyBornMaterial(org.isthmus.coupling.material.PotentialLatticeEnergy
                .of(sw, org.isthmus.atomistic.structure.Lattices.diamond(SI, 5.431, 1, 1, 1))).elasticConstants();
        double fromCb = NormalModulus.fromVoigt(c, new double[] {1, 1, 1});
        double own = NormalModulus.of(sw, OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10"), 1);
        assertEquals(fromCb, own, 1e-4 * own);
    }

    @Test
    void inputErrorsNameTheOption() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrientedCrystal.of("hcp", SI, 5.431, "111", "1-10"));
        assertTrue(e.getMessage().contains("--lattice"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> OrientedCrystal.of("diamond", SI, 5.431, "11x", "1-10"));
        assertTrue(e.getMessage().contains("--plane"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> OrientedCrystal.of("diamond", SI, 5.431, "111", "100"));
        assertTrue(e.getMessage().contains("perpendicular"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> CohesiveLawDerivation.cleavage(ZhouEam.of(CU),
                OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10")).build());
        assertTrue(e.getMessage().contains("Si"), e.getMessage());
        assertEquals(new MillerIndices(1, -1, 0), MillerIndices.parse("[2,-2,0]", "--direction"));
        assertEquals(new MillerIndices(-1, -1, 2), MillerIndices.parse("-1-12", "--direction"));
    }
}
