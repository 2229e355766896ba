package org.isthmus.coupling.material;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.analysis.InnerRelaxation;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.continuum.material.LatticeEnergy;
import org.isthmus.continuum.material.Tensors;

/**
 * The energy of a periodic crystal cell homogeneously deformed by F, computed with an atomistic
 * {@link Potential}: the seam {@link LatticeEnergy} that the continuum's Cauchy–Born material
 * needs (Tadmor &amp; Miller, Modeling Materials, 2011, §11.2.2). Energies eV, lengths Å.
 *
 * <p>The cell's vectors and atoms are mapped by F (x → F x). For a cell with more than one atom
 * the atoms are, by default, relaxed at the deformed cell (relaxed-ion Cauchy–Born, as a
 * crystal with a basis such as diamond needs; Tadmor, Smith, Bernstein &amp; Kaxiras, Phys. Rev.
 * B 59, 235 (1999)); the energy is then the minimum over inner shifts, and since the forces
 * vanish there its derivative is the same formula: ∂E/∂F = −W F⁻ᵀ with W the virial of the
 * relaxed cell (eV). The second derivative is the central difference of that exact first
 * derivative with step {@link #HESSIAN_STEP} (truncation ~1e-8 relative), symmetrised; see
 * {@link #hessianMethod()}.
 *
 * <p>Results are a function of F alone (every relaxation starts from the homogeneously mapped
 * cell), so the class is thread-safe and its results reproducible. An exact-match cache of
 * recently seen F (bounded) makes a mesh in uniform deformation, where every quadrature point
 * has the same F, cost one cell evaluation; it never returns anything but the value for that F.
 *
 * <p>Example: {@code new CauchyBornMaterial(PotentialLatticeEnergy.of(new ZhouEam(...),
 * Lattices.fcc(Element.of("Cu"), 3.615, 1, 1, 1)))}.
 */
public final class PotentialLatticeEnergy implements LatticeEnergy {

    /** Step in F of the central differences that give the Hessian from the exact ∂E/∂F. */
    public static final double HESSIAN_STEP = 1e-4;
    private static final int CACHE_LIMIT = 4096;

    private final Potential potential;
    private final Configuration reference;
    private final InnerRelaxation relaxation;
    private final ConcurrentHashMap<Key, double[]> firstCache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, double[]> secondCache = new ConcurrentHashMap<>();

    private PotentialLatticeEnergy(Potential potential, Configuration reference, InnerRelaxation relaxation) {
        this.potential = potential;
        this.reference = reference;
        this.relaxation = relaxation;
    }

    /**
     * The lattice energy of {@code cell} (periodic along all three axes; ideally the stress-free
     * cell, see {@code org.isthmus.atomistic.analysis.LatticeRelaxation}), with inner relaxation
     * when the cell holds more than one atom.
     *
     * @throws InvalidInputException if the cell is not fully periodic or holds a species the
     *         potential does not know
     */
    public static PotentialLatticeEnergy of(Potential potential, Configuration cell) {
        return of(potential, cell, cell.size() > 1 ? InnerRelaxation.defaults() : null);
    }

    /** As {@link #of(Potential, Configuration)} with the given inner relaxation (null: clamped ions). */
    public static PotentialLatticeEnergy of(Potential potential, Configuration cell, InnerRelaxation relaxation) {
        if (!cell.cell().isFullyPeriodic()) {
            throw new InvalidInputException("Cauchy-Born cell", 0,
                    "the cell must be periodic along all three axes; it is " + cell.cell());
        }
        for (var e : cell.elements()) {
            if (!potential.species().contains(e)) {
                throw new InvalidInputException("Cauchy-Born cell", 0, "species " + e.symbol() + " is not one of "
                        + potential.name() + "'s species " + potential.species());
            }
        }
        return new PotentialLatticeEnergy(potential, cell.withReference(null, null), relaxation);
    }

    /** The potential. */
    public Potential potential() {
        return potential;
    }

    /** The reference (undeformed) cell. */
    public Configuration reference() {
        return reference;
    }

    /** Whether the atoms are relaxed at every deformation. */
    public boolean relaxesInternally() {
        return relaxation != null;
    }

    @Override
    public double referenceVolume() {
        return reference.cell().volume();
    }

    @Override
    public double energy(double[] f) {
        return first(f)[9];
    }

    @Override
    public double energyAndDerivative(double[] f, double[] dEdF) {
        double[] r = first(f);
        System.arraycopy(r, 0, dEdF, 0, 9);
        return r[9];
    }

    @Override
    public double energyDerivativeAndHessian(double[] f, double[] dEdF, double[] d2EdF2) {
        double e = energyAndDerivative(f, dEdF);
        Key key = new Key(f);
        double[] h = secondCache.get(key);
        if (h == null) {
            h = hessian(f);
            put(secondCache, key, h);
        }
        System.arraycopy(h, 0, d2EdF2, 0, 81);
        return e;
    }

    @Override
    public String hessianMethod() {
        return "central differences (step " + HESSIAN_STEP + " in F) of the exact first derivative −W F⁻ᵀ"
                + (relaxation != null ? ", atoms relaxed to " + relaxation.tolerance() + " eV/Å" : "");
    }

    /** {dE/dF (9), E} for F, from the cache or one (relaxed) evaluation. */
    private double[] first(double[] f) {
        Key key = new Key(f);
        double[] r = firstCache.get(key);
        if (r == null) {
            r = evaluate(f);
            put(firstCache, key, r);
        }
        return r;
    }

    private static void put(ConcurrentHashMap<Key, double[]> cache, Key key, double[] value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private double[] evaluate(double[] f) {
        double[][] m = {{f[0], f[1], f[2]}, {f[3], f[4], f[5]}, {f[6], f[7], f[8]}};
        double[] inv = new double[9];
        double det = Tensors.inverse(f, inv);
        double[] out = new double[10];
        if (!(det > 0)) {
            // an inverted cell has no energy: +∞ lets a line search back off (Material contract)
            Arrays.fill(out, Double.NaN);
            out[9] = Double.POSITIVE_INFINITY;
            return out;
        }
        Configuration c = reference.deformed(m);
        if (relaxation != null) {
            c = relaxation.relax(potential, c);
        }
        Evaluation ev = potential.compute(c, Request.defaults().withThreads(1));
        double[] w = ev.virial();
        // ∂E/∂F_iJ = −(W F⁻ᵀ)_iJ = −Σ_k W_ik (F⁻¹)_Jk  (virial W = −∂E/∂ε, Units; LatticeEnergy), eV
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = -(w[3 * i] * inv[3 * j] + w[3 * i + 1] * inv[3 * j + 1] + w[3 * i + 2] * inv[3 * j + 2]);
            }
        }
        out[9] = ev.energy();
        return out;
    }

    private double[] hessian(double[] f) {
        double[] h = new double[81];
        double[] fp = f.clone();
        for (int b = 0; b < 9; b++) {
            fp[b] = f[b] + HESSIAN_STEP;
            double[] plus = first(fp);
            fp[b] = f[b] - HESSIAN_STEP;
            double[] minus = first(fp);
            fp[b] = f[b];
            for (int a = 0; a < 9; a++) {
                h[9 * a + b] = (plus[a] - minus[a]) / (2 * HESSIAN_STEP);
            }
        }
        for (int a = 0; a < 9; a++) {
            for (int b = a + 1; b < 9; b++) {
                double s = 0.5 * (h[9 * a + b] + h[9 * b + a]);
                h[9 * a + b] = s;
                h[9 * b + a] = s;
            }
        }
        return h;
    }

    /** An exact-match key on the nine entries of F. */
    private static final class Key {
        private final double[] f;
        private final int hash;

        Key(double[] f) {
            this.f = Arrays.copyOf(f, 9);
            this.hash = Arrays.hashCode(this.f);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(f, k.f);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
