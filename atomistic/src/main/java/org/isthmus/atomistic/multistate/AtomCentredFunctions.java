package org.isthmus.atomistic.multistate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.ExpRadial;
import org.isthmus.atomistic.structure.Element;

/**
 * Atom-centred radial symmetry functions (Behler, J. Chem. Phys. 134, 074106 (2011), eq. 6; the
 * NN-PES's {@link ExpRadial}, n2p2 type 2) of a molecule without periodic images, with their exact
 * Jacobian over all 3N coordinates: {@code G_a,s = Σ_{b ≠ a, Z_b = Z_s} exp(−η(r_ab − r_s)²) f_c(r_ab)}
 * (dimensionless), for each atom a the functions of its element. Each atom's functions are a
 * {@link Descriptor} ({@link #of}) over the flat positions R (Å), so a network on them is
 * invariant under translation, rotation and reflection, and a sum over atoms of one network per
 * element ({@link AtomicDiabaticModel}) is also invariant under permutations of like atoms.
 * Angular functions are not supported yet. Immutable; thread-safe.
 */
public final class AtomCentredFunctions {

    private final List<Element> species;
    private final Map<Element, List<ExpRadial>> functions;
    private final CutoffFunction cutoff;

    /**
     * @param species   the element of each atom, in coordinate order
     * @param functions the functions of each element present, centred on that element
     * @param cutoff    the cutoff function f_c (C¹ or smoother)
     */
    public AtomCentredFunctions(List<Element> species, Map<Element, List<ExpRadial>> functions, CutoffFunction cutoff) {
        if (species.size() < 2) {
            throw new InvalidInputException("atom-centred functions need at least 2 atoms, got " + species.size());
        }
        for (Element e : species) {
            List<ExpRadial> fs = functions.get(e);
            if (fs == null || fs.isEmpty()) {
                throw new InvalidInputException("no symmetry functions given for element " + e);
            }
            for (ExpRadial f : fs) {
                if (f.central() != e) {
                    throw new InvalidInputException("a function listed for " + e + " is centred on " + f.central());
                }
            }
        }
        this.species = List.copyOf(species);
        this.functions = Map.copyOf(functions);
        this.cutoff = cutoff;
    }

    /** Number of atoms N. */
    public int atoms() {
        return species.size();
    }

    /** The element of atom a. */
    public Element species(int a) {
        return species.get(a);
    }

    /** The distinct elements, in order of first appearance. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (Element e : species) {
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Number of functions of element e. */
    public int size(Element e) {
        return functions.get(e).size();
    }

    /** The functions of atom {@code a} as a descriptor over the flat 3N positions. */
    public Descriptor of(int a) {
        if (a < 0 || a >= species.size()) {
            throw new InvalidInputException("atom " + a + " does not exist; the molecule has " + species.size());
        }
        return new AtomDescriptor(a);
    }

    private final class AtomDescriptor implements Descriptor {
        private final int a;
        private final List<ExpRadial> fs;

        AtomDescriptor(int a) {
            this.a = a;
            this.fs = functions.get(species.get(a));
        }

        @Override
        public int dimension() {
            return 3 * species.size();
        }

        @Override
        public int size() {
            return fs.size();
        }

        @Override
        public void evaluate(double[] r, double[] q, double[][] jacobian) {
            int n = species.size();
            for (int s = 0; s < fs.size(); s++) {
                ExpRadial f = fs.get(s);
                double g = 0;
                double[] row = jacobian != null ? jacobian[s] : null;
                if (row != null) {
                    java.util.Arrays.fill(row, 0.0);
                }
                for (int b = 0; b < n; b++) {
                    if (b == a || species.get(b) != f.neighbor()) {
                        continue;
                    }
                    double dx = r[3 * b] - r[3 * a];
                    double dy = r[3 * b + 1] - r[3 * a + 1];
                    double dz = r[3 * b + 2] - r[3 * a + 2];
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (!(d > 1e-8)) {
                        throw new InvalidInputException("atoms " + a + " and " + b + " are " + d + " Å apart");
                    }
                    if (d >= f.rc()) {
                        continue;
                    }
                    double x = d - f.rs();
                    double ex = Math.exp(-f.eta() * x * x);
                    double c = cutoff.value(d, f.rc());
                    g += ex * c; // Behler 2011 eq. 6
                    if (row != null) {
                        double dg = ex * (cutoff.derivative(d, f.rc()) - 2.0 * f.eta() * x * c) / d; // (dG/dr)/r, 1/Å²
                        row[3 * b] += dg * dx;
                        row[3 * b + 1] += dg * dy;
                        row[3 * b + 2] += dg * dz;
                        row[3 * a] -= dg * dx;
                        row[3 * a + 1] -= dg * dy;
                        row[3 * a + 2] -= dg * dz;
                    }
                }
                q[s] = g;
            }
        }
    }
}
