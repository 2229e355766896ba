package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.dynamics.Langevin;
import org.isthmus.atomistic.dynamics.MaxwellBoltzmann;
import org.isthmus.atomistic.dynamics.MolecularDynamics;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.AtomicLayers;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * Seeded generators of unlabelled training configurations for solids, built from a crystal (for
 * instance from {@link org.isthmus.atomistic.structure.Lattices}): homogeneously strained and
 * rattled cells, vacancies, slabs with vacuum, cleaved cells whose two halves are pulled apart,
 * and molecular-dynamics snapshots at several temperatures. Every configuration is tagged with
 * {@code info["kind"]}. The same arguments and seed give the same configurations, bit for bit.
 */
public final class SolidSamples {

    private SolidSamples() {
    }

    /**
     * {@code count} copies of {@code crystal}, each deformed by x → (1 + ε)x with ε symmetric and
     * its six independent components uniform in [−maxStrain, maxStrain], then every coordinate
     * displaced by a Gaussian of standard deviation {@code rattle} (Å).
     */
    public static List<Configuration> strainedRattled(Configuration crystal, int count, double maxStrain,
            double rattle, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            double[][] f = new double[3][3];
            for (int a = 0; a < 3; a++) {
                for (int b = a; b < 3; b++) {
                    double e = maxStrain * (2 * rng.nextDouble() - 1);
                    f[a][b] += e;
                    if (a != b) {
                        f[b][a] += e;
                    }
                }
                f[a][a] += 1.0;
            }
            out.add(tag(rattled(crystal.deformed(f), rattle, rng), "strained"));
        }
        return out;
    }

    /** {@code count} copies of {@code crystal} with one random atom removed each, then rattled. */
    public static List<Configuration> vacancies(Configuration crystal, int count, double rattle, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int v = rng.nextInt(crystal.size());
            out.add(tag(rattled(without(crystal, v), rattle, rng), "vacancy"));
        }
        return out;
    }

    /**
     * {@code count} snapshots of vacancy hops: in each, one random atom is removed and one of its
     * nearest neighbours (the closest atom, periodic images included) is placed a random fraction
     * f ∈ [0.05, 0.95] of the way into the empty site, then every coordinate is rattled by
     * {@code rattle} (Å). These sample the path of vacancy migration, saddle region included, which
     * neither perfect nor vacancy cells reach.
     */
    public static List<Configuration> vacancyHops(Configuration crystal, int count, double rattle, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>();
        Cell cell = crystal.cell();
        for (int n = 0; n < count; n++) {
            int v = rng.nextInt(crystal.size());
            double[] site = {crystal.x(v, 0), crystal.x(v, 1), crystal.x(v, 2)};
            Configuration c = without(crystal, v);
            // the nearest atom to the empty site, by the minimum image
            int hop = -1;
            double best = Double.POSITIVE_INFINITY;
            double[] toSite = new double[3];
            for (int i = 0; i < c.size(); i++) {
                double[] d = {site[0] - c.x(i, 0), site[1] - c.x(i, 1), site[2] - c.x(i, 2)};
                double[] f = cell.toFractional(d[0], d[1], d[2]);
                for (int k = 0; k < 3; k++) {
                    if (cell.isPeriodic(k)) {
                        f[k] -= Math.rint(f[k]);
                    }
                }
                double[] m = cell.toCartesian(f[0], f[1], f[2]);
                double r2 = m[0] * m[0] + m[1] * m[1] + m[2] * m[2];
                if (r2 < best) {
                    best = r2;
                    hop = i;
                    toSite = m;
                }
            }
            double frac = 0.05 + 0.9 * rng.nextDouble();
            double[] p = c.positions();
            for (int k = 0; k < 3; k++) {
                p[3 * hop + k] += frac * toSite[k];
            }
            out.add(tag(rattled(c.withPositions(p), rattle, rng), "vacancy-hop"));
        }
        return out;
    }

    /**
     * A slab: the crystal with its cell vector {@code axis} lengthened by {@code vacuum} (Å), so
     * that the periodic images are separated by that much empty space (two free surfaces normal to
     * the axis, for a cubic cell). Atoms do not move.
     */
    public static Configuration slab(Configuration crystal, int axis, double vacuum) {
        return tag(crystal.withCell(extended(crystal.cell(), axis, vacuum)), "slab");
    }

    /**
     * A cleaved cell: the crystal is cut at its cleavage plane nearest to the middle of the cell
     * along {@code axis} (the middle of the widest gap between atomic layers, {@link AtomicLayers}),
     * the atoms above the cut are moved by {@code gap} (Å) along the cell vector, and the cell is
     * lengthened by the same amount, so the crystal is opened along one plane (the other, periodic,
     * interface stays intact). A sequence of gaps from 0 to beyond the cutoff samples separation
     * (fracture and adhesion); a large gap gives two separated slabs.
     */
    public static Configuration cleaved(Configuration crystal, int axis, double gap) {
        Cell cell = crystal.cell();
        if (axis < 0 || axis > 2) {
            throw new InvalidInputException("axis must be 0, 1 or 2, got " + axis);
        }
        double cut = AtomicLayers.of(crystal, axis).cleavagePlane(0.5);
        double[] a = cell.vector(axis);
        double len = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        double[] p = crystal.positions();
        for (int i = 0; i < crystal.size(); i++) {
            double[] frac = cell.toFractional(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
            double s = frac[axis] - Math.floor(frac[axis]);
            if (s >= cut) {
                for (int k = 0; k < 3; k++) {
                    p[3 * i + k] += gap * a[k] / len;
                }
            }
        }
        Configuration c = crystal.withPositions(p).withCell(extended(cell, axis, gap));
        return tag(c, "cleaved");
    }

    /** {@link #cleaved} at each gap, each rattled by {@code rattle} (Å). */
    public static List<Configuration> separation(Configuration crystal, int axis, double[] gaps, double rattle,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>();
        for (double g : gaps) {
            out.add(tag(rattled(cleaved(crystal, axis, g), rattle, rng), "cleaved"));
        }
        return out;
    }

    /**
     * Langevin molecular-dynamics snapshots of {@code crystal} under {@code potential}: for each
     * temperature (K) a run from Maxwell–Boltzmann velocities, time step {@code dt} (fs), friction
     * 0.01/fs, {@code equilibration} steps discarded, then {@code snapshots} configurations taken
     * every {@code every} steps.
     */
    public static List<Configuration> mdSnapshots(Potential potential, Configuration crystal, double[] temperatures,
            double dt, int equilibration, int snapshots, int every, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>();
        for (double t : temperatures) {
            AtomisticModel model = AtomisticModel.of(potential, crystal);
            double[] v = MaxwellBoltzmann.at(t).withSeed(rng.nextLong()).velocities(crystal);
            MolecularDynamics md = new MolecularDynamics(model, v, new Langevin(dt, t, 0.01, rng.nextLong()));
            md.run(equilibration);
            for (int s = 0; s < snapshots; s++) {
                md.run(every);
                Configuration c = md.snapshot().configuration();
                Map<String, String> info = new LinkedHashMap<>(c.info());
                info.put("temperature", Double.toString(t));
                out.add(tag(c.withInfo(info), "md"));
            }
        }
        return out;
    }

    /** The configuration with every coordinate displaced by a Gaussian of standard deviation σ (Å). */
    public static Configuration rattled(Configuration c, double sigma, SplittableRandom rng) {
        if (!(sigma >= 0)) {
            throw new InvalidInputException("rattle amplitude must be ≥ 0 Å, got " + sigma);
        }
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += sigma * gaussian(rng);
        }
        return c.withPositions(p);
    }

    /** The configuration without atom {@code v}. */
    public static Configuration without(Configuration c, int v) {
        int n = c.size();
        Element[] s = new Element[n - 1];
        double[] p = new double[3 * (n - 1)];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i == v) {
                continue;
            }
            s[m] = c.species(i);
            for (int k = 0; k < 3; k++) {
                p[3 * m + k] = c.x(i, k);
            }
            m++;
        }
        return Configuration.of(s, p, c.cell()).withInfo(c.info());
    }

    private static Cell extended(Cell cell, int axis, double by) {
        if (axis < 0 || axis > 2) {
            throw new InvalidInputException("axis must be 0, 1 or 2, got " + axis);
        }
        if (!(by >= 0)) {
            throw new InvalidInputException("vacuum or gap must be ≥ 0 Å, got " + by);
        }
        double[][] m = cell.matrix();
        double len = Math.sqrt(m[axis][0] * m[axis][0] + m[axis][1] * m[axis][1] + m[axis][2] * m[axis][2]);
        for (int k = 0; k < 3; k++) {
            m[axis][k] *= (len + by) / len;
        }
        return Cell.of(m, cell.periodicity());
    }

    private static Configuration tag(Configuration c, String kind) {
        Map<String, String> info = new LinkedHashMap<>(c.info());
        info.put("kind", kind);
        return c.withInfo(info);
    }

    /** A standard normal deviate by Box–Muller from a {@link SplittableRandom} (portable, seeded). */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
