package org.isthmus.coupling.fracture;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.coupling.crystal.CubicLattice;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * The bulk and surface properties of a cubic crystal that fracture needs, computed from a
 * {@link Potential}: the equilibrium lattice constant, the cohesive energy per atom, the
 * relaxed-ion cubic elastic constants C11, C12, C44 and the relaxed surface energy of a cleavage
 * plane. Energies in eV, lengths in Å, elastic constants in eV/Å³ (× 160.21766 for GPa), surface
 * energies in eV/Å² (× 16.0218 for J/m²).
 *
 * <p>Elastic constants come from energies of homogeneous strains of a periodic supercell
 * (2×2×2 conventional cells) in which the atoms are relaxed at each strain (the internal
 * relaxation of a lattice with a basis, Kleinman's; without it C44 of diamond is far too stiff):
 * W(ε) = ½ C11 e² for ε_xx = e, W = (C11 + C12) e² for ε_xx = ε_yy = e and W = ½ C44 γ² for the
 * engineering shear γ_xy = e, each from the symmetric difference [W(e) + W(−e)]/2, which cancels
 * the cubic anharmonic term (Born &amp; Huang, <i>Dynamical Theory of Crystal Lattices</i>, §11).
 */
public final class CrystalReference {

    /** Strain amplitude of the elastic-constant differences: quartic error ~e², round-off ~1e-16/e². */
    private static final double STRAIN = 1e-3;
    private static final Lbfgs TIGHT = Lbfgs.defaults().withTolerance(1e-7).withMaxIterations(2000);

    private final Potential potential;
    private final Element element;
    private final CubicLattice lattice;
    private final double[][] basis;
    private final double a;
    private final double cohesive;
    private final double[] elastic;

    private CrystalReference(Potential potential, Element element, CubicLattice lattice, double a) {
        this.potential = potential;
        this.element = element;
        this.lattice = lattice;
        this.basis = lattice.basis();
        this.a = a;
        this.cohesive = energyPerAtom(potential, element, basis, a);
        this.elastic = elasticConstants();
    }

    /**
     * The reference of the crystal of the given cubic structure, with the lattice constant
     * minimised (Brent) within ±5 % of {@code aGuess} to 1e-7 Å.
     */
    public static CrystalReference relaxed(Potential potential, Element element, CubicLattice lattice, double aGuess) {
        double[][] basis = lattice.basis();
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-9);
        double a = brent.optimize(new MaxEval(200), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(x -> energyPerAtom(potential, element, basis, x)),
                new SearchInterval(0.95 * aGuess, 1.05 * aGuess, aGuess)).getPoint();
        return new CrystalReference(potential, element, lattice, a);
    }

    /** A diamond-structure crystal (Si: aGuess 5.431 Å). */
    public static CrystalReference diamond(Potential potential, Element element, double aGuess) {
        return relaxed(potential, element, CubicLattice.DIAMOND, aGuess);
    }

    /** Equilibrium lattice constant (Å). */
    public double latticeConstant() {
        return a;
    }

    /** Energy per atom of the perfect crystal at the equilibrium lattice constant (eV; negative). */
    public double cohesiveEnergy() {
        return cohesive;
    }

    /** Relaxed-ion C11 (eV/Å³). */
    public double c11() {
        return elastic[0];
    }

    /** Relaxed-ion C12 (eV/Å³). */
    public double c12() {
        return elastic[1];
    }

    /** Relaxed-ion C44 (eV/Å³). */
    public double c44() {
        return elastic[2];
    }

    public Potential potential() {
        return potential;
    }

    /** The crystal in a crack frame at the equilibrium lattice constant. */
    public OrientedCrystal oriented(int[] normal, int[] front) {
        return OrientedCrystal.crack(lattice, element, a, normal, front);
    }

    private static double energyPerAtom(Potential potential, Element element, double[][] basis, double lattice) {
        Configuration c = Lattices.cubic(basis, element, lattice, 2, 2, 2);
        return potential.compute(c, org.isthmus.atomistic.potential.Request.defaults().withGradient(false)).energy()
                / c.size();
    }

    private double[] elasticConstants() {
        Configuration bulk = Lattices.cubic(basis, element, a, 2, 2, 2);
        double volume = bulk.cell().volume();
        double e0 = relaxedEnergy(bulk);
        double e = STRAIN;
        double w1 = strainEnergy(bulk, new double[][] {{e, 0, 0}, {0, 0, 0}, {0, 0, 0}}, e0) / volume;
        double w2 = strainEnergy(bulk, new double[][] {{e, 0, 0}, {0, e, 0}, {0, 0, 0}}, e0) / volume;
        double w3 = strainEnergy(bulk, new double[][] {{0, e / 2, 0}, {e / 2, 0, 0}, {0, 0, 0}}, e0) / volume;
        double c11 = 2 * w1 / (e * e);
        double c12 = w2 / (e * e) - c11;
        double c44 = 2 * w3 / (e * e);
        return new double[] {c11, c12, c44};
    }

    /** [W(ε) + W(−ε)]/2 with the atoms relaxed at each strain (eV). */
    private double strainEnergy(Configuration bulk, double[][] eps, double e0) {
        double sum = 0;
        for (int sign : new int[] {1, -1}) {
            double[][] f = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    f[i][j] = (i == j ? 1 : 0) + sign * eps[i][j];
                }
            }
            sum += relaxedEnergy(bulk.deformed(f)) - e0;
        }
        return sum / 2;
    }

    private double relaxedEnergy(Configuration c) {
        AtomisticModel model = AtomisticModel.of(potential, c);
        return TIGHT.minimize(model, model.initialPoint()).requireConverged().energy();
    }

    /**
     * The surface energy γ_s (eV/Å²) of the plane normal to {@code normal} cut at its widest
     * interplanar gap, from a slab periodic along the two in-plane directions ({@code front} and
     * normal × front) and {@code layers} periods thick along the normal:
     * γ_s = (E_slab − N e_coh) / (2A) (e.g. Gumbsch &amp; Cannon, MRS Bull. 25 (2000) 15). Relaxed
     * when {@code relax} (atoms free, cell fixed; a bulk-terminated, unreconstructed surface),
     * else the rigid cut.
     */
    public double surfaceEnergy(int[] normal, int[] front, int layers, boolean relax) {
        OrientedCrystal crystal = oriented(normal, front);
        double lx = crystal.period(crystal.advance());
        double lz = crystal.frontPeriod();
        double ly = crystal.period(normal);
        double y0 = crystal.widestGapMidpoint(new double[3]);
        double[] p = crystal.sites(0, lx, y0, y0 + layers * ly, 1, new double[3]);
        int n = p.length / 3;
        Element[] s = new Element[n];
        java.util.Arrays.fill(s, element);
        // The slab is periodic in x and z; along y a box (non-periodic) with room for the surfaces.
        double[][] h = {{lx, 0, 0}, {0, layers * ly + 40, 0}, {0, 0, lz}};
        double[] shifted = p.clone();
        for (int i = 0; i < n; i++) {
            shifted[3 * i + 1] += 20 - y0;
        }
        Configuration slab = Configuration.of(s, shifted, Cell.of(h, true, false, true));
        double e = relax ? relaxedEnergy(slab)
                : potential.compute(slab, org.isthmus.atomistic.potential.Request.defaults().withGradient(false)).energy();
        // γ_s = (E_slab − N e_coh)/(2A), unit eV/Å².
        return (e - n * cohesive) / (2 * lx * lz);
    }

    @Override
    public String toString() {
        return String.format("CrystalReference[%s, a=%.6f Å, e_coh=%.6f eV, C11=%.4f C12=%.4f C44=%.4f eV/Å³]",
                potential.name(), a, cohesive, elastic[0], elastic[1], elastic[2]);
    }
}
