package org.isthmus.atomistic.nnp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.SiteEnvironment;
import org.isthmus.atomistic.potential.SitePotential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * A Behler–Parrinello neural-network potential (2G-HDNNP) that computes what n2p2 2.3 computes
 * (SPEC.md): per atom, the symmetry functions of its element, scaled, fed to the element's
 * network; forces and virial from one reverse pass through the network and the symmetry
 * functions (analytic, no finite differences).
 *
 * <p><b>Site energies.</b> ε_i = E_i^NN / c_E + E_mean + offset(element of i), converted to eV,
 * so that Σ ε_i is the total energy n2p2 reports ({@code energy.out}, column 4). n2p2's per-atom
 * output ({@code nnatoms.out}, last column) is E_i^NN / c_E alone; the two differ by the constant
 * E_mean + offset of the atom's element. Including the constant makes a site energy a physical
 * per-atom energy (weights and masks then act on the whole energy, and the energy of isolated
 * bodies adds up).
 *
 * <p><b>Units.</b> The parts (symmetry-function parameters, statistics, normalisation, offsets)
 * are in the units of the potential's files, named by {@link #units()}; energies, forces and
 * virials returned are in eV and Å.
 *
 * <p><b>Extrapolation.</b> Raw symmetry-function values outside [G_min, G_max] of the training
 * statistics are counted per evaluation (values are not clamped, as in n2p2) and reported in the
 * evaluation's {@link Diagnostics}: the count, the atoms affected and the worst value.
 *
 * <p><b>Masks.</b> An interaction mask removes pairs from the neighbour list, hence from every
 * radial term and every angular term that needs them as i–j or i–k bonds; an angular triple
 * (i, j, k) counts when i sees both j and k (for the narrow types r_jk then enters as a distance).
 * With body masks ({@code InteractionMask.withinBodies}) this is exactly "each body alone".
 *
 * <p><b>Where this differs from n2p2</b> (only where n2p2 would produce garbage): numbers must
 * parse completely (n2p2's {@code atof} reads "0.5x" as 0.5 and "x" as 0); {@code scaling.data}
 * rows must carry the expected indices and weights files exactly the network's count; a scaling
 * that divides by G_max − G_min = 0 or σ = 0 is refused at load time (n2p2 yields NaN); for λ = 0
 * the forces are the correct derivatives (n2p2's angular groups divide by λ); CRLF line ends are
 * accepted.
 *
 * <p>Immutable and thread-safe; each thread of an evaluation gets its own kernel.
 */
public final class NnpPotential extends SitePotential {

    private final List<Element> elements;
    private final List<ElementModel> models;
    private final CutoffFunction cutoffFunction;
    private final Scaling scaling;
    private final Normalization normalization;
    private final LengthEnergyUnits units;
    private final String label;
    private final ElementPlan[] plans;
    private final double cutoff;

    private NnpPotential(List<ElementModel> models, CutoffFunction cutoffFunction, Scaling scaling,
            Normalization normalization, LengthEnergyUnits units, String label) {
        List<ElementModel> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing(ElementModel::element));
        this.models = List.copyOf(sorted);
        List<Element> els = new ArrayList<>();
        for (ElementModel m : sorted) {
            if (els.contains(m.element())) {
                throw new InvalidInputException("element " + m.element() + " has two models");
            }
            els.add(m.element());
        }
        if (els.isEmpty()) {
            throw new InvalidInputException("an NN-PES needs at least one element");
        }
        this.elements = List.copyOf(els);
        this.cutoffFunction = cutoffFunction;
        this.scaling = scaling;
        this.normalization = normalization;
        this.units = units;
        this.label = label;
        if (cutoffFunction == null || scaling == null || normalization == null || units == null) {
            throw new InvalidInputException("an NN-PES needs a cutoff function, a scaling, a normalisation and units");
        }
        double rcMax = 0;
        for (ElementModel m : sorted) {
            for (SymmetryFunction f : m.functions()) {
                for (Element e : f.neighborElements()) {
                    if (!elements.contains(e)) {
                        throw new InvalidInputException("a symmetry function of " + m.element() + " selects neighbour "
                                + "element " + e + ", which the potential does not have (" + elements + ")");
                    }
                }
                rcMax = Math.max(rcMax, f.cutoffRadius());
            }
        }
        this.cutoff = rcMax * units.length();
        plans = new ElementPlan[elements.size()];
        for (int t = 0; t < plans.length; t++) {
            plans[t] = new ElementPlan(sorted.get(t), elements, cutoffFunction, scaling, normalization, units);
        }
    }

    /**
     * A potential from in-memory parts (e.g. built by training).
     *
     * @param models         one per element (any order; indexed by atomic number)
     * @param cutoffFunction the cutoff type and α shared by the Gaussian-family functions
     * @param scaling        the input scaling (mode and S_min, S_max)
     * @param normalization  n2p2's energy normalisation ({@link Normalization#NONE} if none)
     * @param units          the units the parts are in
     */
    public static NnpPotential of(List<ElementModel> models, CutoffFunction cutoffFunction, Scaling scaling,
            Normalization normalization, LengthEnergyUnits units) {
        return new NnpPotential(models, cutoffFunction, scaling, normalization, units, null);
    }

    static NnpPotential of(List<ElementModel> models, CutoffFunction cutoffFunction, Scaling scaling,
            Normalization normalization, LengthEnergyUnits units, String label) {
        return new NnpPotential(models, cutoffFunction, scaling, normalization, units, label);
    }

    /**
     * Loads an n2p2 potential directory ({@code input.nn}, {@code scaling.data},
     * {@code weights.ZZZ.data}) whose files are in {@code units}.
     *
     * @throws InvalidInputException naming file, line and problem for any malformed or missing part
     */
    public static NnpPotential load(Path dir, LengthEnergyUnits units) {
        return N2p2Reader.read(dir, units);
    }

    /** Loads an n2p2 potential directory in Å and eV. */
    public static NnpPotential load(Path dir) {
        return load(dir, LengthEnergyUnits.ANGSTROM_EV);
    }

    /**
     * Writes {@code input.nn}, {@code scaling.data} and {@code weights.ZZZ.data} in n2p2's format
     * and in this potential's units, creating {@code dir} if needed; loading them gives a potential
     * with identical numbers (values are written with 17 significant digits).
     *
     * @throws UnsupportedRequestException if the networks' architectures cannot be expressed with
     *         n2p2's keywords (see {@code element_*} quirks in SPEC.md §9)
     */
    public void save(Path dir) {
        N2p2Writer.write(this, dir);
    }

    /** The same potential with one element's model replaced (e.g. new network weights). */
    public NnpPotential withModel(ElementModel model) {
        List<ElementModel> list = new ArrayList<>();
        boolean found = false;
        for (ElementModel m : models) {
            if (m.element() == model.element()) {
                list.add(model);
                found = true;
            } else {
                list.add(m);
            }
        }
        if (!found) {
            throw new InvalidInputException("the potential has no element " + model.element() + " (it has " + elements
                    + ")");
        }
        return new NnpPotential(list, cutoffFunction, scaling, normalization, units, label);
    }

    /** The elements in order of atomic number (n2p2's element index). */
    public List<Element> elements() {
        return elements;
    }

    /** The per-element models, in order of atomic number. */
    public List<ElementModel> models() {
        return models;
    }

    /** The model of one element. */
    public ElementModel model(Element e) {
        int t = elements.indexOf(e);
        if (t < 0) {
            throw new UnsupportedRequestException("potential " + name() + " has no element " + e);
        }
        return models.get(t);
    }

    public CutoffFunction cutoffFunction() {
        return cutoffFunction;
    }

    public Scaling scaling() {
        return scaling;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** The units of the parts (and of the files this potential was read from or writes). */
    public LengthEnergyUnits units() {
        return units;
    }

    @Override
    public String name() {
        return "NN-PES n2p2" + (label != null ? " " + label : "") + " " + elements;
    }

    /** The largest r_c of all symmetry functions, Å. */
    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    protected List<Element> types() {
        return elements;
    }

    @Override
    protected Kernel newKernel() {
        return new NnpKernel(plans);
    }

    /** True: {@link NnpSiteHessian} has exact second derivatives of every n2p2 short-range type (2–25). */
    @Override
    public boolean hasHessian() {
        return true;
    }

    /** The exact Hessian (see {@link NnpSiteHessian}), for any of n2p2's symmetry-function types. */
    @Override
    public org.isthmus.atomistic.potential.Hessian hessian(Configuration c, Request request) {
        NnpSiteHessian[] site = new NnpSiteHessian[plans.length];
        for (int t = 0; t < plans.length; t++) { // models are in type order
            site[t] = new NnpSiteHessian(models.get(t), plans[t], elements, cutoffFunction, units.length());
        }
        return hessianOf(c, request, new HessianNnpKernel(plans, site));
    }

    /** The force kernel with the site Hessians attached. */
    private static final class HessianNnpKernel implements HessianKernel {
        private final NnpKernel forces;
        private final NnpSiteHessian[] site;

        HessianNnpKernel(ElementPlan[] plans, NnpSiteHessian[] site) {
            this.forces = new NnpKernel(plans);
            this.site = site;
        }

        @Override
        public double siteEnergy(SiteEnvironment env, boolean gradient) {
            return forces.siteEnergy(env, gradient);
        }

        @Override
        public void siteHessian(SiteEnvironment env, double[] h) {
            site[env.centerType].siteHessian(env, h);
        }
    }

    /**
     * The raw (unscaled) symmetry-function values of every atom, in n2p2 order per element: row i
     * has the functions of atom i's element. Dimensionless; what {@code nnp-scaling} collects.
     */
    public double[][] symmetryFunctions(Configuration c) {
        int[] types = typesOf(c);
        NeighborList list = new LinkedCellNeighbors().build(c, cutoff, InteractionMask.NONE);
        NnpKernel kernel = new NnpKernel(plans);
        SiteEnvironment env = new SiteEnvironment();
        double[] x = c.positions();
        double[][] out = new double[c.size()][];
        for (int i = 0; i < c.size(); i++) {
            fill(env, i, types, x, list, cutoff * cutoff);
            out[i] = kernel.descriptors(env);
        }
        return out;
    }


    @Override
    protected Diagnostics diagnostics(List<Kernel> kernels, Configuration c) {
        long count = 0;
        int atoms = 0;
        NnpKernel worst = null;
        for (Kernel k : kernels) {
            NnpKernel nk = (NnpKernel) k;
            count += nk.extrapolations;
            atoms += nk.atomsExtrapolating;
            if (nk.worstAtom >= 0 && (worst == null || nk.worstExcess > worst.worstExcess
                    || (nk.worstExcess == worst.worstExcess && nk.worstAtom < worst.worstAtom))) {
                worst = nk;
            }
        }
        if (count == 0) {
            return Diagnostics.NONE;
        }
        ElementModel m = models.get(worst.worstType);
        SymmetryFunction f = m.functions().get(worst.worstFunction);
        SymmetryFunctionStatistics s = m.statistics().get(worst.worstFunction);
        String line = String.format(Locale.ROOT, "NN-PES extrapolation: %d symmetry-function values outside their "
                + "training range (scaling.data) on %d of %d atoms; worst: atom %d (%s), G_%d of %s (type %d) = %.6g, "
                + "range [%.6g, %.6g]", count, atoms, c.size(), worst.worstAtom + 1, m.element(),
                worst.worstFunction + 1, m.element(), f.type(), worst.worstValue, s.min(), s.max());
        return new Diagnostics(count, atoms, List.of(line));
    }
}
