package org.isthmus.atomistic.opencl;

import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clSetKernelArg;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.nnp.ElementModel;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionStatistics;
import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.SitePotential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * An {@link NnpPotential} evaluated on an OpenCL device in double precision: the same energies,
 * site energies, forces, virial and extrapolation diagnostics as the Java backend, to round-off.
 *
 * <p>The host builds the neighbour list (with the request's mask, or takes the request's list) and
 * uploads positions, types and the list; the device computes, one work-item per atom, the bond
 * vectors and cutoff functions, the symmetry functions, scaling, the element's network forward and
 * backward, the per-entry gradients {@code g_e = w_i ∂ε_i/∂d_e} and each site's virial; then the
 * forces by the deterministic gather of {@code SitePotential}, {@code F_i = Σ_e g_e − Σ_e g_rev(e)}.
 * The host sums {@code E = Σ w_i ε_i} and the virial in atom order. The thread count of a request is
 * ignored (the device decides); results do not depend on it.
 *
 * <p>Per atom, each pair of neighbours computes the distinct exponentials and powers of its
 * angular class once and adds their products to a small table; the functions read their cells
 * (forward) and the reverse pass contracts the table of ∂E/∂G with the same per-pair factors (as
 * {@code NnpKernel} does); the Gaussian factors exp(−η(r − r_s)²) are computed once per neighbour.
 * The host sorts every row of the neighbour list by neighbour type, so that the second neighbours of
 * a pair come in runs of one angular class: the kernels take them four at a time in the lanes of
 * {@code double4} values (SIMD on a CPU device; bonds, cutoffs and gradients are laid out one array
 * per component for that). The forward pass caches, per group of four pairs, what the reverse pass
 * needs (cosθ, r_jk, the Gaussians with the r_jk cutoff, the powers), so the reverse pass computes
 * no exponential or power again. The cache has one slot per work-item, sized for the atom with most
 * pairs; work-items take atoms from a counter until none is left (one launch, dynamic balance; each
 * atom is computed whole by one work-item, so results do not depend on the schedule), and there are
 * as many work-items as 128 MiB of cache allows (system property {@code isthmus.opencl.scratchMiB}).
 *
 * <p>Kernels are built once per potential and device (cached); device buffers grow and are reused
 * from one evaluation to the next. Evaluations of one instance are serialised. Every OpenCL call is
 * checked: a failure throws {@link OpenClException} naming the device, never a partial result.
 * Supports every n2p2 short-range symmetry-function type: 2, 3, 9, 12, 13 and the compact 20–25. The
 * Hessian ({@link #hessian}) is computed on the host by the Java backend.
 */
public final class OpenClNnpPotential implements Potential, AutoCloseable {

    /** Work-group size: one work-item per atom; the system property isthmus.opencl.localSize overrides it. */
    private static final int LOCAL_SIZE = Integer.getInteger("isthmus.opencl.localSize", 16);

    /** Device memory for the pair cache; the system property isthmus.opencl.scratchMiB overrides it. */
    private static final long SCRATCH_BYTES = Long.getLong("isthmus.opencl.scratchMiB", 128L) << 20;

    private final NnpPotential potential;
    private final OpenClDevice device;
    private final ClSession session;
    private final NnpDeviceModel model;
    private final cl_kernel bonds;
    private final cl_kernel site;
    private final cl_kernel forces;

    private final ClBuffer slotP;
    private final ClBuffer radStart;
    private final ClBuffer radP;
    private final ClBuffer radI;
    private final ClBuffer expStart;
    private final ClBuffer expP;
    private final ClBuffer expI;
    private final ClBuffer nexpStart;
    private final ClBuffer nexpP;
    private final ClBuffer nexp;
    private final ClBuffer powStart;
    private final ClBuffer powP;
    private final ClBuffer powI;
    private final ClBuffer tabOff;
    private final ClBuffer cradStart;
    private final ClBuffer cradP;
    private final ClBuffer cradI;
    private final ClBuffer cangStart;
    private final ClBuffer cangP;
    private final ClBuffer cangI;
    private final ClBuffer next;
    private final ClBuffer segs;
    private final ClBuffer pcache;
    private final ClBuffer pidx;
    private final ClBuffer angStart;
    private final ClBuffer angP;
    private final ClBuffer angI;
    private final ClBuffer sfOffset;
    private final ClBuffer scal;
    private final ClBuffer netHdr;
    private final ClBuffer netW;
    private final ClBuffer elemP;

    private final ClBuffer x;
    private final ClBuffer type;
    private final ClBuffer start;
    private final ClBuffer nbr;
    private final ClBuffer shift;
    private final ClBuffer rev;
    private final ClBuffer weight;
    private final ClBuffer bond;
    private final ClBuffer fc;
    private final ClBuffer dfc;
    private final ClBuffer siteE;
    private final ClBuffer g;
    private final ClBuffer vir;
    private final ClBuffer force;
    private final ClBuffer exCount;
    private final ClBuffer exInfo;
    private boolean closed;

    /**
     * The potential on a device.
     *
     * @throws UnsupportedRequestException if the potential uses a symmetry-function type the
     *         kernels do not implement (the message names it; use the Java backend)
     * @throws OpenClException if the device lacks double precision, or building or uploading fails
     */
    public OpenClNnpPotential(NnpPotential potential, OpenClDevice device) {
        this.potential = potential;
        this.device = device;
        this.model = new NnpDeviceModel(potential);
        this.session = ClSession.of(device);
        cl_program program = session.program("nnp.cl", model.buildOptions());
        bonds = kernel(program, "bonds");
        site = kernel(program, "site");
        forces = kernel(program, "forces");
        synchronized (session) {
            slotP = upload("slotP", model.slotP);
            radStart = upload("radStart", model.radStart);
            radP = upload("radP", model.radP);
            radI = upload("radI", model.radI);
            expStart = upload("expStart", model.expStart);
            expP = upload("expP", model.expP);
            expI = upload("expI", model.expI);
            nexpStart = upload("nexpStart", model.nexpStart);
            nexpP = upload("nexpP", model.nexpP);
            powStart = upload("powStart", model.powStart);
            powP = upload("powP", model.powP);
            powI = upload("powI", model.powI);
            angStart = upload("angStart", model.angStart);
            cradStart = upload("cradStart", model.cradStart);
            cradP = upload("cradP", model.cradP);
            cradI = upload("cradI", model.cradI);
            cangStart = upload("cangStart", model.cangStart);
            cangP = upload("cangP", model.cangP);
            cangI = upload("cangI", model.cangI);
            tabOff = upload("tabOff", model.tabOff);
            angP = upload("angP", model.angP);
            angI = upload("angI", model.angI);
            sfOffset = upload("sfOffset", model.sfOffset);
            scal = upload("scal", model.scal);
            netHdr = upload("netHdr", model.netHdr);
            netW = upload("netW", model.netW);
            elemP = upload("elemP", model.elemP);
            ClErrors.check(clFinish(session.queue), "clFinish", device);
        }
        x = new ClBuffer(session, "positions");
        type = new ClBuffer(session, "types");
        start = new ClBuffer(session, "row starts");
        nbr = new ClBuffer(session, "neighbours");
        shift = new ClBuffer(session, "image shifts");
        rev = new ClBuffer(session, "reverse entries");
        weight = new ClBuffer(session, "site weights");
        bond = new ClBuffer(session, "bond vectors");
        fc = new ClBuffer(session, "cutoff values");
        dfc = new ClBuffer(session, "cutoff derivatives");
        nexp = new ClBuffer(session, "neighbour exponentials");
        siteE = new ClBuffer(session, "site energies");
        g = new ClBuffer(session, "bond gradients");
        vir = new ClBuffer(session, "site virials");
        force = new ClBuffer(session, "forces");
        exCount = new ClBuffer(session, "extrapolation counts");
        exInfo = new ClBuffer(session, "extrapolation details");
        next = new ClBuffer(session, "atom counter");
        segs = new ClBuffer(session, "row segments");
        pcache = new ClBuffer(session, "pair cache");
        pidx = new ClBuffer(session, "pair entries");
    }

    /**
     * The potential on the device that {@code spec} names ({@code auto}, {@code P:D} or a name
     * substring; see {@link OpenClDevices#choose}), or null when {@code spec} is {@code auto} and no
     * usable device exists.
     */
    public static OpenClNnpPotential on(NnpPotential potential, String spec) {
        OpenClDevice d = OpenClDevices.choose(spec);
        return d == null ? null : new OpenClNnpPotential(potential, d);
    }

    /** The potential this evaluates. */
    public NnpPotential potential() {
        return potential;
    }

    /** The device it runs on. */
    public OpenClDevice device() {
        return device;
    }

    /**
     * The floating-point work of one energy-and-forces evaluation of {@code c} with neighbour list
     * {@code list}, per atom, counted from the kernel source (see {@code NnpDeviceModel.work}):
     * {flops, special functions (exp, pow, sqrt, acos, divisions, also in flops), angular neighbour
     * pairs}. For benchmarks; costs about as much as one Java evaluation of the triplet loops.
     */
    public double[] workPerAtom(Configuration c, NeighborList list) {
        return model.work(SitePotential.typeIndices(c, potential.elements(), name()), c.positions(), list);
    }

    @Override
    public String name() {
        return potential.name() + " [OpenCL " + device.name() + "]";
    }

    @Override
    public double cutoff() {
        return potential.cutoff();
    }

    @Override
    public Set<Element> species() {
        return potential.species();
    }

    /** True: the Java backend's exact Hessian serves this potential (see {@link #hessian}). */
    @Override
    public boolean hasHessian() {
        return potential.hasHessian();
    }

    /**
     * The exact Hessian (eV/Å²), computed <em>on the host</em> by the Java backend for the same
     * potential, configuration and request (weights, mask, prebuilt list); energies and forces stay
     * on the device. The device's forces and the host's second derivatives describe the same
     * function to round-off (the backends agree to round-off), so vibrations, NEB and rates are
     * consistent under {@code --backend opencl}. The cost is that of the Java backend,
     * O(N·m²) per call, with the request's thread count.
     *
     * @throws UnsupportedRequestException as {@link NnpPotential#hessian}, e.g. above
     *         {@link org.isthmus.atomistic.potential.Hessian#MAX_ATOMS} atoms
     */
    @Override
    public org.isthmus.atomistic.potential.Hessian hessian(Configuration c, Request request) {
        return potential.hessian(c, request);
    }

    @Override
    public Evaluation compute(Configuration c, Request request) {
        int n = c.size();
        if (request.hasWeights() && request.weightCount() != n) {
            throw new IllegalArgumentException("expected " + n + " site weights, got " + request.weightCount());
        }
        int[] types = SitePotential.typeIndices(c, potential.elements(), name());
        NeighborList list = SitePotential.neighborList(c, cutoff(), request);
        int nE = list.entries();
        int nt = potential.elements().size();
        int[] st = new int[n + 1];
        int[] nb = new int[nE];
        int[] rv = new int[nE];
        double[] sh = new double[3 * nE];
        // each row sorted by neighbour type (stable), so that the kernels find runs of one angular
        // class; at[e] is where list entry e goes
        int[] seg = new int[n * (nt + 1)];
        int[] at = new int[nE];
        int[] fill = new int[nt + 1];
        for (int i = 0; i < n; i++) {
            int s0 = list.start(i);
            st[i] = s0;
            java.util.Arrays.fill(fill, 0);
            for (int e = s0; e < list.end(i); e++) {
                fill[types[list.neighbor(e)] + 1]++;
            }
            fill[0] = s0;
            for (int v = 0; v < nt; v++) {
                fill[v + 1] += fill[v];
            }
            System.arraycopy(fill, 0, seg, i * (nt + 1), nt + 1);
            for (int e = s0; e < list.end(i); e++) {
                at[e] = fill[types[list.neighbor(e)]]++;
            }
        }
        for (int e = 0; e < nE; e++) {
            int p = at[e];
            nb[p] = list.neighbor(e);
            rv[p] = at[list.reverse(e)];
            sh[3 * p] = list.shift(e, 0);
            sh[3 * p + 1] = list.shift(e, 1);
            sh[3 * p + 2] = list.shift(e, 2);
        }
        st[n] = nE;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = request.weight(i);
        }
        boolean grad = request.gradient();
        double[] siteOut = new double[n];
        double[] f = grad ? new double[3 * n] : null;
        double[] v9 = grad ? new double[9 * n] : null;
        int[] exc = new int[n];
        double[] exi = new double[3 * n];
        synchronized (session) {
            if (closed) {
                throw new IllegalStateException("this OpenCL potential has been closed");
            }
            if (n > 0) {
                run(c.positions(), types, st, nb, sh, rv, seg, w, n, nE, grad, siteOut, f, v9, exc, exi);
            }
        }
        double energy = 0;
        for (int i = 0; i < n; i++) {
            energy += w[i] * siteOut[i];
        }
        double[] virial = null;
        if (grad) {
            virial = new double[9];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 9; k++) {
                    virial[k] += v9[9 * i + k];
                }
            }
        }
        return new Evaluation(energy, siteOut, f, virial, diagnostics(c, types, exc, exi));
    }

    private void run(double[] pos, int[] types, int[] st, int[] nb, double[] sh, int[] rv, int[] sg, double[] w, int n, int nE,
            boolean grad, double[] siteOut, double[] f, double[] v9, int[] exc, double[] exi) {
        x.write(pos, 3 * n);
        type.write(types, n);
        start.write(st, n + 1);
        nbr.write(nb, nE);
        shift.write(sh, 3 * nE);
        rev.write(rv, nE);
        weight.write(w, n);
        bond.ensure(4L * nE * Sizeof.cl_double);
        fc.ensure((long) model.slots() * nE * Sizeof.cl_double);
        dfc.ensure((long) model.slots() * nE * Sizeof.cl_double);
        nexp.ensure((long) model.maxNk * nE * Sizeof.cl_double);
        siteE.ensure((long) n * Sizeof.cl_double);
        g.ensure(3L * nE * Sizeof.cl_double);
        vir.ensure(9L * n * Sizeof.cl_double);
        force.ensure(3L * n * Sizeof.cl_double);
        exCount.ensure((long) n * Sizeof.cl_int);
        exInfo.ensure(3L * n * Sizeof.cl_double);

        args(bonds, n, nE, x, start, nbr, shift, slotP, bond, fc, dfc);
        launch(bonds, n, "bonds");
        // the pair cache: one slot per work-item, room for the groups of the atom with most; each
        // work-item takes atoms from a counter until none is left, so one launch does them all
        int nt = potential.elements().size();
        long most = 1;
        for (int i = 0; i < n; i++) {
            long groups = 0;
            for (int v = 0; v < nt; v++) {
                int a = sg[i * (nt + 1) + v];
                int b = sg[i * (nt + 1) + v + 1];
                for (int e1 = st[i]; e1 < b - 1; e1++) {
                    groups += (b - Math.max(e1 + 1, a) + 3) / 4; // groups of up to four second neighbours
                }
            }
            most = Math.max(most, groups);
        }
        segs.write(sg, n * (nt + 1));
        long perSlot = most * (4L * model.stride() * Sizeof.cl_double + 3L * Sizeof.cl_int);
        long items = (n + LOCAL_SIZE - 1) / LOCAL_SIZE * (long) LOCAL_SIZE;
        if (grad) {
            items = Math.min(items, Math.max(LOCAL_SIZE, SCRATCH_BYTES / perSlot / LOCAL_SIZE * LOCAL_SIZE));
        }
        pcache.ensure(grad ? items * most * 4 * model.stride() * Sizeof.cl_double : 4 * Sizeof.cl_double);
        pidx.ensure(grad ? items * most * 3 * Sizeof.cl_int : Sizeof.cl_int);
        next.write(new int[] {0}, 1);
        args(site, n, nE, grad ? 1 : 0, Long.valueOf(most), next, type, start, nbr, weight, bond, fc, dfc, slotP,
                radStart, radP, radI, cradStart, cradP, cradI, expStart, expP, expI, nexpStart, nexpP, nexp,
                powStart, powP, powI, angStart, angP, angI, tabOff, cangStart, cangP, cangI, sfOffset, scal, netHdr,
                netW, elemP, segs, pcache, pidx, siteE, g, vir, exCount, exInfo);
        ClErrors.check(clEnqueueNDRangeKernel(session.queue, site, 1, null, new long[] {items},
                new long[] {LOCAL_SIZE}, 0, null, null), "kernel site (" + n + " atoms)", device);
        if (grad) {
            args(forces, n, nE, start, rev, g, force);
            launch(forces, n, "forces");
        }
        ClErrors.check(clFinish(session.queue), "clFinish (evaluation of " + n + " atoms)", device);
        siteE.read(siteOut, n);
        exCount.read(exc, n);
        exInfo.read(exi, 3 * n);
        if (grad) {
            force.read(f, 3 * n);
            vir.read(v9, 9 * n);
        }
    }

    private void args(cl_kernel k, Object... a) {
        for (int i = 0; i < a.length; i++) {
            int err;
            if (a[i] instanceof Integer v) {
                err = clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
            } else if (a[i] instanceof Long v) {
                err = clSetKernelArg(k, i, Sizeof.cl_long, Pointer.to(new long[] {v}));
            } else {
                cl_mem m = ((ClBuffer) a[i]).mem();
                err = clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(m));
            }
            ClErrors.check(err, "clSetKernelArg(" + i + ")", device);
        }
    }

    private void launch(cl_kernel k, int n, String name) {
        long global = (n + LOCAL_SIZE - 1) / LOCAL_SIZE * (long) LOCAL_SIZE;
        ClErrors.check(clEnqueueNDRangeKernel(session.queue, k, 1, null, new long[] {global},
                new long[] {LOCAL_SIZE}, 0, null, null), "kernel " + name + " (" + n + " atoms)", device);
    }

    private cl_kernel kernel(cl_program p, String name) {
        int[] err = new int[1];
        cl_kernel k = clCreateKernel(p, name, err);
        ClErrors.check(err[0], "clCreateKernel(" + name + ")", device);
        return k;
    }

    private ClBuffer upload(String name, double[] data) {
        ClBuffer b = new ClBuffer(session, name);
        b.write(data, data.length);
        return b;
    }

    private ClBuffer upload(String name, int[] data) {
        ClBuffer b = new ClBuffer(session, name);
        b.write(data, data.length);
        return b;
    }

    /** The extrapolation summary, in the Java backend's words. */
    private Diagnostics diagnostics(Configuration c, int[] types, int[] exc, double[] exi) {
        long count = 0;
        int atoms = 0;
        int worst = -1;
        for (int i = 0; i < exc.length; i++) {
            if (exc[i] > 0) {
                count += exc[i];
                atoms++;
                if (worst < 0 || exi[3 * i] > exi[3 * worst]) {
                    worst = i;
                }
            }
        }
        if (count == 0) {
            return Diagnostics.NONE;
        }
        ElementModel m = potential.models().get(types[worst]);
        int fn = (int) exi[3 * worst + 1];
        SymmetryFunction sf = m.functions().get(fn);
        SymmetryFunctionStatistics s = m.statistics().get(fn);
        String line = String.format(Locale.ROOT, "NN-PES extrapolation: %d symmetry-function values outside their "
                + "training range (scaling.data) on %d of %d atoms; worst: atom %d (%s), G_%d of %s (type %d) = %.6g, "
                + "range [%.6g, %.6g]", count, atoms, c.size(), worst + 1, m.element(), fn + 1, m.element(),
                sf.type(), exi[3 * worst + 2], s.min(), s.max());
        return new Diagnostics(count, atoms, List.of(line));
    }

    /** Releases the kernels and device buffers (the shared context and built program stay). */
    @Override
    public void close() {
        synchronized (session) {
            if (closed) {
                return;
            }
            closed = true;
            for (ClBuffer b : new ClBuffer[] {slotP, radStart, radP, radI, expStart, expP, expI, nexpStart, nexpP, nexp, powStart, powP,
                powI, tabOff, angStart, angP, angI, sfOffset, scal, netHdr,
                netW, elemP, x, type, start, nbr, shift, rev, weight, bond, fc, dfc, siteE, g, vir, force, exCount,
                exInfo, cradStart, cradP, cradI, cangStart, cangP, cangI, next, segs, pcache, pidx}) {
                b.release();
            }
            clReleaseKernel(bonds);
            clReleaseKernel(site);
            clReleaseKernel(forces);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
