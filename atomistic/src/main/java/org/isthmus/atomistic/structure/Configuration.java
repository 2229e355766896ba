package org.isthmus.atomistic.structure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A configuration of atoms: positions (Å), species, masses (amu), a cell with periodicity per
 * axis, per-atom integer labels (body or region ids, 0 by default) and, optionally, a reference
 * energy (eV) and reference forces (eV/Å) such as a training set carries.
 *
 * <p>Immutable: the constructor and every accessor copy arrays; {@code with…} methods return a
 * new configuration. Holds data only; physics lives in a {@code Potential}. Positions are finite
 * (checked); they need not be wrapped into a periodic cell.
 */
public final class Configuration {

    private final Element[] species;
    private final double[] positions; // 3N, x0 y0 z0 x1 …
    private final double[] masses;
    private final int[] labels;
    private final Cell cell;
    private final Double referenceEnergy;
    private final double[] referenceForces;
    private final double[] referenceVirial; // W = −∂E/∂ε, eV, 3×3 row-major
    private final Map<String, String> info;

    private Configuration(Element[] species, double[] positions, double[] masses, int[] labels, Cell cell,
            Double referenceEnergy, double[] referenceForces, double[] referenceVirial, Map<String, String> info) {
        this.species = species;
        this.positions = positions;
        this.masses = masses;
        this.labels = labels;
        this.cell = cell;
        this.referenceEnergy = referenceEnergy;
        this.referenceForces = referenceForces;
        this.referenceVirial = referenceVirial;
        this.info = info;
        int n = species.length;
        if (positions.length != 3 * n) {
            throw new InvalidInputException("expected " + 3 * n + " position components for " + n
                    + " atoms, got " + positions.length);
        }
        if (masses.length != n || labels.length != n) {
            throw new InvalidInputException("per-atom arrays disagree in length with the " + n + " atoms");
        }
        if (referenceForces != null && referenceForces.length != 3 * n) {
            throw new InvalidInputException("expected " + 3 * n + " reference force components, got "
                    + referenceForces.length);
        }
        if (referenceVirial != null) {
            if (referenceVirial.length != 9) {
                throw new InvalidInputException("expected 9 reference virial components (3×3, row by row), got "
                        + referenceVirial.length);
            }
            for (double v : referenceVirial) {
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException("the reference virial has a non-finite component (" + v
                            + "); expected finite numbers in eV");
                }
            }
        }
        for (int i = 0; i < 3 * n; i++) {
            if (!Double.isFinite(positions[i])) {
                throw new InvalidInputException("atom " + (i / 3 + 1) + " (" + species[i / 3] + ") has a non-finite "
                        + "xyz".charAt(i % 3) + " coordinate (" + positions[i] + "); expected a finite number in Å");
            }
        }
        for (int i = 0; i < n; i++) {
            if (species[i] == null) {
                throw new InvalidInputException("atom " + (i + 1) + " has no species");
            }
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) {
                throw new InvalidInputException("atom " + (i + 1) + " has mass " + masses[i] + "; expected a positive mass in amu");
            }
        }
    }

    /** Atoms of the given species at the given positions (flat, 3N, Å), standard masses, labels 0. */
    public static Configuration of(Element[] species, double[] positions, Cell cell) {
        double[] m = new double[species.length];
        for (int i = 0; i < species.length; i++) {
            m[i] = species[i] == null ? 0 : species[i].mass();
        }
        return new Configuration(species.clone(), positions.clone(), m, new int[species.length], cell,
                null, null, null, Map.of());
    }

    public int size() {
        return species.length;
    }

    public Element species(int i) {
        return species[i];
    }

    /** Species of every atom, a copy. */
    public Element[] species() {
        return species.clone();
    }

    /** The distinct species present, in order of atomic number. */
    public SortedSet<Element> elements() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(species)));
    }

    /** Coordinate {@code k} (0 = x, 1 = y, 2 = z) of atom {@code i}, Å. */
    public double x(int i, int k) {
        return positions[3 * i + k];
    }

    /** All positions, flat (x0 y0 z0 x1 …), Å, a copy. */
    public double[] positions() {
        return positions.clone();
    }

    /** Copies the positions into {@code out} (length 3N) and returns it; for hot loops that reuse a buffer. */
    public double[] positionsInto(double[] out) {
        System.arraycopy(positions, 0, out, 0, positions.length);
        return out;
    }

    public double mass(int i) {
        return masses[i];
    }

    /** Masses (amu), a copy. */
    public double[] masses() {
        return masses.clone();
    }

    public int label(int i) {
        return labels[i];
    }

    /** Per-atom labels, a copy. */
    public int[] labels() {
        return labels.clone();
    }

    public Cell cell() {
        return cell;
    }

    public OptionalDouble referenceEnergy() {
        return referenceEnergy == null ? OptionalDouble.empty() : OptionalDouble.of(referenceEnergy);
    }

    /** Reference forces (eV/Å, flat 3N), a copy, or null if none. */
    public double[] referenceForces() {
        return referenceForces == null ? null : referenceForces.clone();
    }

    public boolean hasReferenceForces() {
        return referenceForces != null;
    }

    /** Reference virial W = −∂E/∂ε (eV, 3×3 row-major), a copy, or null if none. */
    public double[] referenceVirial() {
        return referenceVirial == null ? null : referenceVirial.clone();
    }

    public boolean hasReferenceVirial() {
        return referenceVirial != null;
    }

    /** Free-form key/value metadata carried through files (comment, set name, …). */
    public Map<String, String> info() {
        return info;
    }

    public Configuration withPositions(double[] newPositions) {
        return new Configuration(species, newPositions.clone(), masses, labels, cell, referenceEnergy,
                referenceForces, referenceVirial, info);
    }

    public Configuration withCell(Cell newCell) {
        return new Configuration(species, positions, masses, labels, newCell, referenceEnergy, referenceForces, referenceVirial, info);
    }

    public Configuration withMasses(double[] newMasses) {
        return new Configuration(species, positions, newMasses.clone(), labels, cell, referenceEnergy,
                referenceForces, referenceVirial, info);
    }

    public Configuration withLabels(int[] newLabels) {
        return new Configuration(species, positions, masses, newLabels.clone(), cell, referenceEnergy,
                referenceForces, referenceVirial, info);
    }

    /** With a reference energy (eV) and forces (eV/Å, flat 3N, may be null), and no reference virial. */
    public Configuration withReference(Double energy, double[] forces) {
        return withReference(energy, forces, null);
    }

    /**
     * With a reference energy (eV), forces (eV/Å, flat 3N) and virial (W = −∂E/∂ε, eV, 3×3 row-major,
     * the convention of {@code Evaluation#virial()}); forces and virial may be null.
     */
    public Configuration withReference(Double energy, double[] forces, double[] virial) {
        return new Configuration(species, positions, masses, labels, cell, energy,
                forces == null ? null : forces.clone(), virial == null ? null : virial.clone(), info);
    }

    public Configuration withInfo(Map<String, String> newInfo) {
        return new Configuration(species, positions, masses, labels, cell, referenceEnergy, referenceForces,
                referenceVirial, Collections.unmodifiableMap(new LinkedHashMap<>(newInfo)));
    }

    /**
     * Homogeneously deformed copy: positions and cell vectors mapped by {@code F} (x → F x).
     */
    public Configuration deformed(double[][] f) {
        double[] p = new double[positions.length];
        for (int i = 0; i < species.length; i++) {
            for (int r = 0; r < 3; r++) {
                p[3 * i + r] = f[r][0] * positions[3 * i] + f[r][1] * positions[3 * i + 1] + f[r][2] * positions[3 * i + 2];
            }
        }
        return new Configuration(species, p, masses, labels, cell.deformed(f), referenceEnergy, referenceForces, referenceVirial, info);
    }

    /**
     * Checks that every atom lies inside the cell along each non-periodic axis that has a lattice
     * vector (fractional coordinate in [0, 1], to 1e-9). Throws {@link InvalidInputException}
     * naming the first atom outside.
     */
    public Configuration requireInsideNonPeriodicBox() {
        if (cell.isNone() || cell.isFullyPeriodic()) {
            return this;
        }
        for (int i = 0; i < species.length; i++) {
            double[] f = cell.toFractional(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
            for (int k = 0; k < 3; k++) {
                if (!cell.isPeriodic(k) && (f[k] < -1e-9 || f[k] > 1 + 1e-9)) {
                    throw new InvalidInputException("atom " + (i + 1) + " (" + species[i] + ") lies outside the "
                            + "non-periodic box along axis " + "abc".charAt(k) + " (fractional coordinate " + f[k]
                            + "; expected 0…1); enlarge the cell or make that axis periodic");
                }
            }
        }
        return this;
    }

    /** Concatenation of this configuration's atoms and another's, in this cell. */
    public Configuration append(Configuration other) {
        int n = size();
        int m = other.size();
        Element[] s = Arrays.copyOf(species, n + m);
        System.arraycopy(other.species, 0, s, n, m);
        double[] p = Arrays.copyOf(positions, 3 * (n + m));
        System.arraycopy(other.positions, 0, p, 3 * n, 3 * m);
        double[] ms = Arrays.copyOf(masses, n + m);
        System.arraycopy(other.masses, 0, ms, n, m);
        int[] l = Arrays.copyOf(labels, n + m);
        System.arraycopy(other.labels, 0, l, n, m);
        return new Configuration(s, p, ms, l, cell, null, null, null, info);
    }

    @Override
    public String toString() {
        return "Configuration[" + size() + " atoms, " + elements() + ", " + cell + "]";
    }
}
