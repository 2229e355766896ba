package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.Mesh;

/**
 * A total-Lagrangian finite-element model of a hyperelastic body: a mesh, a section and one
 * material per element. Degrees of freedom are nodal displacements, node-major: dof
 * {@code a·dim + i} is component i of node a. For displacements u it computes the strain energy
 * E(u) = Σ_e Σ_q W(F_q) dV_q, the internal force f = ∂E/∂u and the stiffness K = ∂²E/∂u²,
 * with F_iJ = δ_iJ + Σ_a u_ai ∂N_a/∂X_J (Zienkiewicz &amp; Taylor, The Finite Element Method for
 * Solid and Structural Mechanics, 6th ed., ch. 5).
 *
 * <p>For blended (coupled) models a model can be built on a given {@link ReferenceGeometry}
 * (finer quadrature in chosen elements, point weights scaled by a blending weight α; see
 * {@link ReferenceGeometry#withWeightFactors}): the energy is then Σ_e Σ_q α_q W(F_q) dV_q, and
 * elements whose every point has zero weight are skipped (they hold no energy, whatever their F).
 *
 * <p>Assembly runs in parallel over element colours ({@link ElementColoring}); results are
 * bitwise identical for any thread count. Without cohesive interfaces the model is immutable
 * and thread-safe; interfaces add a history that {@link #commitHistory} advances.
 *
 * <p>Elements of a {@link LinearElastic} material (small strain: constant tangent, W(I) = 0,
 * P(I) = 0) that share the material object, the reference shape (the same gradients in
 * {@link ReferenceGeometry}: congruent by translation) and the point weights have the same
 * element stiffness at every u: it is computed once per such class and scattered for each
 * element (a structured mesh has a handful of classes; the cantilever of {@code bench-fe} one).
 * The cached matrix is the one the element would compute itself, bit for bit; energy and force
 * are still computed per element where u is not zero on it.
 */
public final class FeModel {
    private final Mesh mesh;
    private final Section section;
    private final Material[] materials;
    private final ReferenceGeometry geometry;
    private final int dim;
    private final int[][] colors;
    private final ForkJoinPool pool;
    private final int maxNodes;
    private final CohesiveInterface[] interfaces;
    private final boolean[] skip;
    /** The column-index array last found node-blocked (assembly scatters by blocks into it). */
    private volatile int[] blockedPattern;
    /** Per element: its stiffness class (index into classStiffness), or −1 (computed per element). */
    private final int[] stiffnessClass;
    /** Per class: a representative element (its stiffness is the class's). */
    private final int[] classElement;
    /** Per class: the element stiffness (nd × nd, row-major), computed on first assembly. */
    private volatile double[][] classStiffness;

    /** A model with one material everywhere, using all available processors. */
    public FeModel(Mesh mesh, Section section, Material material) {
        this(mesh, section, fill(mesh, material), Runtime.getRuntime().availableProcessors());
    }

    /**
     * A model with a material per element and a thread count for assembly.
     *
     * @throws InvalidInputException if an element has no material or the mesh has a bad element
     */
    public FeModel(Mesh mesh, Section section, Material[] materials, int threads) {
        this(mesh, section, materials, threads, new CohesiveInterface[0]);
    }

    /**
     * A model with a material per element, a thread count, and cohesive interfaces whose
     * energies are added to the elements' (their history is the model's only mutable state;
     * see {@link #commitHistory}).
     */
    public FeModel(Mesh mesh, Section section, Material[] materials, int threads, CohesiveInterface... interfaces) {
        this(mesh, section, materials, threads, null, interfaces);
    }

    /**
     * A model integrated with the given reference geometry of {@code mesh} (for instance one with
     * refined quadrature and blending weights); null means the default full-Gauss geometry.
     *
     * @throws InvalidInputException if the geometry belongs to a mesh of another size or dimension
     */
    public FeModel(Mesh mesh, Section section, Material[] materials, int threads, ReferenceGeometry geometry,
            CohesiveInterface... interfaces) {
        this.interfaces = interfaces.clone();
        if (materials.length != mesh.elementCount()) {
            throw new InvalidInputException(materials.length + " materials for " + mesh.elementCount() + " elements");
        }
        for (int e = 0; e < materials.length; e++) {
            if (materials[e] == null) {
                throw new InvalidInputException("element " + e + " has no material");
            }
        }
        if (threads < 1) {
            throw new InvalidInputException("thread count " + threads + "; expected >= 1");
        }
        this.mesh = mesh;
        this.section = section;
        this.materials = materials.clone();
        if (geometry != null && (geometry.elementCount() != mesh.elementCount() || geometry.dimension() != mesh.dimension())) {
            throw new InvalidInputException("reference geometry of " + geometry.elementCount() + " elements ("
                    + geometry.dimension() + "D) for a mesh of " + mesh.elementCount() + " (" + mesh.dimension() + "D)");
        }
        this.geometry = geometry == null ? new ReferenceGeometry(mesh, section) : geometry;
        this.dim = mesh.dimension();
        this.skip = new boolean[mesh.elementCount()];
        for (int e = 0; e < skip.length; e++) {
            boolean none = true;
            for (int q = this.geometry.firstPoint(e); q < this.geometry.firstPoint(e + 1) && none; q++) {
                none = this.geometry.weight(q) == 0;
            }
            skip[e] = none;
        }
        this.colors = new ElementColoring(mesh).colors();
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
        int m = 0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            m = Math.max(m, mesh.type(e).nodeCount());
        }
        this.maxNodes = m;
        this.stiffnessClass = new int[mesh.elementCount()];
        this.classElement = stiffnessClasses(stiffnessClass);
    }

    /** Most stiffness classes kept (a class's matrix is (nodes·dim)² doubles: 4.5 KiB for Hex8). */
    private static final int MAX_CLASSES = 2048;

    /**
     * Groups the elements whose stiffness is the same matrix at every u: a {@link LinearElastic}
     * material (the same object), the same type, the same reference gradients (the geometry
     * shares them among congruent elements) and the same point weights, bit for bit. Fills
     * {@code cls} (−1 where an element is computed itself) and returns each class's first
     * element; no classes where they would not be shared (more than a quarter of the elements,
     * or more than {@value #MAX_CLASSES}).
     */
    private int[] stiffnessClasses(int[] cls) {
        Arrays.fill(cls, -1);
        java.util.Map<ClassKey, Integer> index = new java.util.HashMap<>();
        int[] rep = new int[16];
        int ne = mesh.elementCount();
        for (int e = 0; e < ne; e++) {
            if (skip[e] || !(materials[e] instanceof LinearElastic)) {
                continue;
            }
            int p0 = geometry.firstPoint(e);
            int p1 = geometry.firstPoint(e + 1);
            double[] w = new double[p1 - p0];
            for (int q = p0; q < p1; q++) {
                // the gradients of a shared shape are contiguous from its first point's
                if (geometry.gradientOffset(q) != geometry.gradientOffset(p0)
                        + (q - p0) * mesh.type(e).nodeCount() * dim) {
                    w = null;
                    break;
                }
                w[q - p0] = geometry.weight(q);
            }
            if (w == null) {
                continue;
            }
            ClassKey key = new ClassKey(mesh.type(e).ordinal(), geometry.gradientOffset(p0), materials[e], w,
                    31 * Arrays.hashCode(w) + geometry.gradientOffset(p0));
            Integer c = index.get(key);
            if (c == null) {
                if (index.size() == MAX_CLASSES || index.size() > ne / 4) {
                    Arrays.fill(cls, -1);
                    return new int[0];
                }
                c = index.size();
                index.put(key, c);
                if (c == rep.length) {
                    rep = Arrays.copyOf(rep, 2 * c);
                }
                rep[c] = e;
            }
            cls[e] = c;
        }
        return Arrays.copyOf(rep, index.size());
    }

    /** What makes two elements' stiffness matrices equal (material compared by identity). */
    private record ClassKey(int type, int gradientOffset, Material material, double[] weights, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ClassKey k && k.type == type && k.gradientOffset == gradientOffset
                    && k.material == material && Arrays.equals(k.weights, weights);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The stiffness of each class, computed once (by the element kernel, at u = 0: it is constant). */
    private double[][] classStiffness() {
        double[][] s = classStiffness;
        if (s == null) {
            synchronized (this) {
                s = classStiffness;
                if (s == null) {
                    s = new double[classElement.length][];
                    ElementKernel kernel = new ElementKernel(dim, maxNodes, section);
                    for (int c = 0; c < s.length; c++) {
                        int e = classElement[c];
                        int nd = mesh.type(e).nodeCount() * dim;
                        int[] local = new int[nd];
                        for (int r = 0; r < nd; r++) {
                            local[r] = r;
                        }
                        kernel.compute(geometry, e, nd / dim, local, new double[nd], materials[e], false, true);
                        s[c] = Arrays.copyOf(kernel.ke, nd * nd);
                    }
                    classStiffness = s;
                }
            }
        }
        return s;
    }

    /** Number of element-stiffness classes (0: every element computes its own stiffness). */
    int stiffnessClassCount() {
        return classElement.length;
    }

    private static Material[] fill(Mesh mesh, Material material) {
        Material[] m = new Material[mesh.elementCount()];
        Arrays.fill(m, material);
        return m;
    }

    /** The cohesive interfaces of the model (a copy of the array; the interfaces themselves are shared). */
    public CohesiveInterface[] cohesiveInterfaces() {
        return interfaces.clone();
    }

    /** The mesh. */
    public Mesh mesh() {
        return mesh;
    }

    /** The section. */
    public Section section() {
        return section;
    }

    /** The reference geometry (quadrature-point gradients and weights). */
    public ReferenceGeometry geometry() {
        return geometry;
    }

    /** The material of element e. */
    public Material material(int e) {
        return materials[e];
    }

    /** Number of degrees of freedom, nodes × dimension. */
    public int dofCount() {
        return mesh.nodeCount() * dim;
    }

    /** Strain energy E(u). Returns +∞ if some element is inverted at u. */
    public double energy(double[] u) {
        return run(u, null, null, false);
    }

    /** E(u), with the internal force ∂E/∂u written into {@code force} (length dofCount). */
    public double internalForce(double[] u, double[] force) {
        return run(u, force, null, false);
    }

    /**
     * E(u), with the internal force written into {@code force} (if not null) and the stiffness
     * into {@code k} (its structure from {@link #newStiffnessMatrix()}; overwritten).
     */
    public double assemble(double[] u, double[] force, CompRowMatrix k) {
        return run(u, force, k, true);
    }

    /** An empty sparse matrix with the stiffness's structure (node adjacency × dim²), in CRS form. */
    public CompRowMatrix newStiffnessMatrix() {
        int nn = mesh.nodeCount();
        // node -> elements (CSR), then each node's neighbour nodes via a marker array
        int[][] incidence = nodeElements();
        int[] start = incidence[0];
        int[] elems = incidence[1];
        // cohesive faces couple their A and B nodes: node -> interface faces
        int[] istart = new int[nn + 1];
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        for (CohesiveInterface ci : interfaces) {
            for (int f = 0; f < ci.faceCount(); f++) {
                groups.add(ci.coupledNodes(f));
            }
        }
        for (int[] g : groups) {
            for (int b : g) {
                istart[b + 1]++;
            }
        }
        for (int a = 0; a < nn; a++) {
            istart[a + 1] += istart[a];
        }
        int[] ifill = istart.clone();
        int[] igroups = new int[istart[nn]];
        for (int gi = 0; gi < groups.size(); gi++) {
            for (int b : groups.get(gi)) {
                igroups[ifill[b]++] = gi;
            }
        }
        int[] marker = new int[nn];
        java.util.Arrays.fill(marker, -1);
        int[] buf = new int[64];
        int[][] nz = new int[nn * dim][];
        for (int a = 0; a < nn; a++) {
            int cnt = 0;
            marker[a] = a;
            buf[cnt++] = a;
            for (int p = start[a]; p < start[a + 1]; p++) {
                int e = elems[p];
                for (int i = 0; i < mesh.type(e).nodeCount(); i++) {
                    int b = mesh.node(e, i);
                    if (marker[b] != a) {
                        marker[b] = a;
                        if (cnt == buf.length) {
                            buf = java.util.Arrays.copyOf(buf, 2 * cnt);
                        }
                        buf[cnt++] = b;
                    }
                }
            }
            for (int p = istart[a]; p < istart[a + 1]; p++) {
                for (int b : groups.get(igroups[p])) {
                    if (marker[b] != a) {
                        marker[b] = a;
                        if (cnt == buf.length) {
                            buf = java.util.Arrays.copyOf(buf, 2 * cnt);
                        }
                        buf[cnt++] = b;
                    }
                }
            }
            java.util.Arrays.sort(buf, 0, cnt);
            int[] cols = new int[cnt * dim];
            for (int k = 0; k < cnt; k++) {
                for (int c = 0; c < dim; c++) {
                    cols[k * dim + c] = buf[k] * dim + c;
                }
            }
            for (int c = 0; c < dim; c++) {
                nz[a * dim + c] = cols;
            }
        }
        CompRowMatrix k = new CompRowMatrix(nn * dim, nn * dim, nz);
        // node-blocked by construction (sorted nodes, whole blocks, the same columns in a node's
        // rows): assembly need not check it
        blockedPattern = k.getColumnIndices();
        return k;
    }

    /**
     * An empty symmetric node-block matrix with the stiffness's structure (blocks on and above the
     * diagonal of the node adjacency), for {@link #assembleSymmetricBlocks}. Models with cohesive
     * interfaces have none (their faces assemble into CRS only).
     */
    NodeBlockMatrix newSymmetricBlockStiffness() {
        int[][] pattern = symmetricBlockPattern(nodeElements());
        return new NodeBlockMatrix(mesh.nodeCount(), dim, pattern[0], pattern[1]);
    }

    /**
     * The stiffness at u in symmetric node-block form, its values deduplicated where that pays
     * (every element of a shared linear elastic class, and at most one distinct block in
     * {@value #DISTINCT_BLOCKS_LIMIT} blocks: rows are then summed node by node, each from its
     * elements in increasing order, so that congruent nodes get equal blocks bit for bit), else
     * plain ({@link #assembleSymmetricBlocks}). Null if an element stiffness is not symmetric.
     */
    NodeBlockMatrix symmetricBlockStiffness(double[] u) {
        if (u.length != dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + dofCount());
        }
        int[][] incidence = nodeElements();
        int[][] pattern = symmetricBlockPattern(incidence);
        NodeBlockMatrix k = deduplicatedStiffness(pattern, incidence);
        if (k != null) {
            return k;
        }
        k = new NodeBlockMatrix(mesh.nodeCount(), dim, pattern[0], pattern[1]);
        return assembleSymmetricBlocks(u, k) ? k : null;
    }

    /** At most one distinct block in this many for the deduplicated form. */
    private static final int DISTINCT_BLOCKS_LIMIT = 8;

    /** The deduplicated stiffness, or null where it does not apply (see {@link #symmetricBlockStiffness}). */
    private NodeBlockMatrix deduplicatedStiffness(int[][] pattern, int[][] incidence) {
        int nn = mesh.nodeCount();
        int ne = mesh.elementCount();
        if (classElement.length == 0) {
            return null;
        }
        for (int e = 0; e < ne; e++) {
            if (!skip[e] && stiffnessClass[e] < 0) {
                return null;
            }
        }
        double[][] cls = classStiffness();
        for (double[] ke : cls) {
            if (!symmetric(ke, (int) Math.round(Math.sqrt(ke.length)))) {
                return null;
            }
        }
        int[] rp = pattern[0];
        int[] col = pattern[1];
        int[] start = incidence[0];
        int[] elems = incidence[1];
        int dd = dim * dim;
        int maxRow = 0;
        for (int a = 0; a < nn; a++) {
            maxRow = Math.max(maxRow, rp[a + 1] - rp[a]);
        }
        double[] row = new double[maxRow * dd];
        int[] index = new int[rp[nn]];
        NodeBlockMatrix.Dictionary dictionary = new NodeBlockMatrix.Dictionary(dd);
        int limit = Math.max(64, rp[nn] / DISTINCT_BLOCKS_LIMIT);
        for (int a = 0; a < nn; a++) {
            int r0 = rp[a];
            int len = rp[a + 1] - r0;
            Arrays.fill(row, 0, len * dd, 0);
            for (int p = start[a]; p < start[a + 1]; p++) {
                int e = elems[p];
                if (skip[e]) {
                    continue;
                }
                double[] ke = cls[stiffnessClass[e]];
                int nodesE = mesh.type(e).nodeCount();
                int nd = nodesE * dim;
                int la = 0;
                while (mesh.node(e, la) != a) {
                    la++;
                }
                for (int lb = 0; lb < nodesE; lb++) {
                    int b = mesh.node(e, lb);
                    if (b < a) {
                        continue;
                    }
                    int t = (b == a ? r0 : Arrays.binarySearch(col, r0 + 1, r0 + len, b)) - r0;
                    for (int i = 0; i < dim; i++) {
                        int kr = (la * dim + i) * nd + lb * dim;
                        for (int c = 0; c < dim; c++) {
                            row[t * dd + i * dim + c] += ke[kr + c];
                        }
                    }
                }
            }
            for (int t = 0; t < len; t++) {
                index[r0 + t] = dictionary.add(row, t * dd);
            }
            if (dictionary.count() > limit) {
                return null;
            }
        }
        return NodeBlockMatrix.deduplicated(nn, dim, rp, col, index, dictionary);
    }

    /** Node → elements in CSR form {start, elements}, each node's elements in increasing order. */
    private int[][] nodeElements() {
        int nn = mesh.nodeCount();
        int ne = mesh.elementCount();
        int[] start = new int[nn + 1];
        for (int e = 0; e < ne; e++) {
            for (int i = 0; i < mesh.type(e).nodeCount(); i++) {
                start[mesh.node(e, i) + 1]++;
            }
        }
        for (int a = 0; a < nn; a++) {
            start[a + 1] += start[a];
        }
        int[] fill = start.clone();
        int[] elems = new int[start[nn]];
        for (int e = 0; e < ne; e++) {
            for (int i = 0; i < mesh.type(e).nodeCount(); i++) {
                elems[fill[mesh.node(e, i)]++] = e;
            }
        }
        return new int[][] {start, elems};
    }

    /** Whether the nd × nd matrix ke is symmetric to 1e-10 of its largest entry. */
    private static boolean symmetric(double[] ke, int nd) {
        double m = 0;
        for (int r = 0; r < nd * nd; r++) {
            m = Math.max(m, Math.abs(ke[r]));
        }
        for (int r = 0; r < nd; r++) {
            for (int c = r + 1; c < nd; c++) {
                if (Math.abs(ke[r * nd + c] - ke[c * nd + r]) > 1e-10 * m) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The upper node-block pattern {rp, col} of the stiffness (each row's own node first), from
     * the node → elements incidence ({@link #nodeElements}).
     */
    private int[][] symmetricBlockPattern(int[][] incidence) {
        if (interfaces.length > 0) {
            throw new org.isthmus.continuum.UnsupportedRequestException(
                    "symmetric node-block stiffness: not available with cohesive interfaces");
        }
        int nn = mesh.nodeCount();
        int[] start = incidence[0];
        int[] elems = incidence[1];
        int[] marker = new int[nn];
        Arrays.fill(marker, -1);
        int[] buf = new int[64];
        int[] rp = new int[nn + 1];
        int[] col = new int[Math.max(16, 16 * nn)];
        for (int a = 0; a < nn; a++) {
            int cnt = 0;
            marker[a] = a;
            for (int p = start[a]; p < start[a + 1]; p++) {
                int e = elems[p];
                for (int i = 0; i < mesh.type(e).nodeCount(); i++) {
                    int b = mesh.node(e, i);
                    if (b > a && marker[b] != a) {
                        marker[b] = a;
                        if (cnt == buf.length) {
                            buf = Arrays.copyOf(buf, 2 * cnt);
                        }
                        buf[cnt++] = b;
                    }
                }
            }
            Arrays.sort(buf, 0, cnt);
            if (col.length < rp[a] + cnt + 1) {
                col = Arrays.copyOf(col, Math.max(col.length + col.length / 2, rp[a] + cnt + 1));
            }
            col[rp[a]] = a;
            System.arraycopy(buf, 0, col, rp[a] + 1, cnt);
            rp[a + 1] = rp[a] + cnt + 1;
        }
        return new int[][] {rp, Arrays.copyOf(col, rp[nn])};
    }

    /**
     * The stiffness at u into a symmetric node-block matrix from {@link #newSymmetricBlockStiffness}
     * (overwritten). Returns false, leaving k incomplete, if an element stiffness is not symmetric
     * (to 1e-10 of its largest entry): then the CRS form is needed.
     */
    boolean assembleSymmetricBlocks(double[] u, NodeBlockMatrix k) {
        if (k.isDeduplicated()) {
            throw new IllegalArgumentException("a deduplicated block matrix cannot be assembled into");
        }
        Arrays.fill(k.v, 0);
        symmetricElements = true;
        run(u, null, null, k, true);
        return symmetricElements;
    }

    /** Cleared by an assembly into a symmetric block matrix that meets a non-symmetric element stiffness. */
    private volatile boolean symmetricElements;

    private double run(double[] u, double[] force, CompRowMatrix k, boolean stiffness) {
        return run(u, force, k, null, stiffness);
    }

    private double run(double[] u, double[] force, CompRowMatrix k, NodeBlockMatrix sym, boolean stiffness) {
        if (u.length != dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + dofCount());
        }
        double[] energies = new double[mesh.elementCount()];
        if (force != null) {
            Arrays.fill(force, 0);
        }
        if (k != null) {
            k.zero();
        }
        boolean blocked = k != null && nodeBlocked(k);
        double[][] shared = (k != null || sym != null) && stiffness && classElement.length > 0 ? classStiffness() : null;
        for (int[] color : colors) {
            if (pool == null || color.length < 64) {
                new Chunk(color, 0, color.length, u, force, k, sym, stiffness, energies, blocked, shared).compute();
            } else {
                pool.invoke(new Chunk(color, 0, color.length, u, force, k, sym, stiffness, energies, blocked, shared));
            }
        }
        double sum = 0;
        for (double w : energies) {
            sum += w;
        }
        for (CohesiveInterface ci : interfaces) {
            sum += ci.add(u, force, k);
        }
        return sum;
    }

    /**
     * Whether k's pattern is node-blocked, as {@link #newStiffnessMatrix()} makes it: the dim
     * rows of a node hold the same columns, sorted, in whole node blocks (node·dim, ..., node·dim
     * + dim − 1). Then a block's entries sit at one offset in each of its rows and assembly needs
     * one search per node pair instead of one per entry. Checked in O(nnz) once per pattern
     * (the last pattern checked is remembered by identity).
     */
    private boolean nodeBlocked(CompRowMatrix k) {
        int[] ci = k.getColumnIndices();
        if (ci == blockedPattern) {
            return true;
        }
        int[] rp = k.getRowPointers();
        if (k.numRows() != dofCount() || k.numColumns() != dofCount()) {
            return false;
        }
        for (int a = 0; a < mesh.nodeCount(); a++) {
            int r0 = a * dim;
            int len = rp[r0 + 1] - rp[r0];
            if (len % dim != 0) {
                return false;
            }
            for (int q = 0; q < len; q += dim) {
                int c0 = ci[rp[r0] + q];
                if (c0 % dim != 0 || (q > 0 && c0 <= ci[rp[r0] + q - 1])) {
                    return false;
                }
                for (int c = 1; c < dim; c++) {
                    if (ci[rp[r0] + q + c] != c0 + c) {
                        return false;
                    }
                }
            }
            for (int i = 1; i < dim; i++) {
                if (rp[r0 + i + 1] - rp[r0 + i] != len
                        || !Arrays.equals(ci, rp[r0], rp[r0] + len, ci, rp[r0 + i], rp[r0 + i] + len)) {
                    return false;
                }
            }
        }
        blockedPattern = ci;
        return true;
    }

    /** The part of E(u) carried by the cohesive interfaces (0 without interfaces). */
    public double cohesiveEnergy(double[] u) {
        if (u.length != dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + dofCount());
        }
        double sum = 0;
        for (CohesiveInterface ci : interfaces) {
            sum += ci.add(u, null, null);
        }
        return sum;
    }

    /** Advances the history of every cohesive interface to the state u (a converged increment). */
    public void commitHistory(double[] u) {
        for (CohesiveInterface ci : interfaces) {
            ci.commit(u);
        }
    }

    /** Elements [from, to) of one colour, split recursively for the fork-join pool. */
    private final class Chunk extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private static final int GRAIN = 64;
        private final int[] elems;
        private final int from;
        private final int to;
        private final transient double[] u;
        private final transient double[] force;
        private final transient CompRowMatrix k;
        private final boolean stiffness;
        private final transient double[] energies;
        private final boolean blocked;
        /** The class stiffness matrices, or null (every element computes its own). */
        private final transient double[][] shared;

        /** The symmetric block matrix assembled into, or null. */
        private final transient NodeBlockMatrix sym;

        Chunk(int[] elems, int from, int to, double[] u, double[] force, CompRowMatrix k, NodeBlockMatrix sym,
                boolean stiffness, double[] energies, boolean blocked, double[][] shared) {
            this.sym = sym;
            this.blocked = blocked;
            this.shared = shared;
            this.elems = elems;
            this.from = from;
            this.to = to;
            this.u = u;
            this.force = force;
            this.k = k;
            this.stiffness = stiffness;
            this.energies = energies;
        }

        /**
         * Adds the element matrix into a node-blocked pattern: one search per node pair finds
         * the block's column offset, which is the same in the dim rows of the node.
         */
        private void scatterBlocks(double[] ke, int e, int nn, int nd, int[] rowPtr, int[] colIdx, double[] data) {
            for (int a = 0; a < nn; a++) {
                int na = mesh.node(e, a);
                int row0 = na * dim;
                int lo = rowPtr[row0];
                int hi = rowPtr[row0 + 1];
                for (int b = 0; b < nn; b++) {
                    int off = Arrays.binarySearch(colIdx, lo, hi, mesh.node(e, b) * dim) - lo;
                    for (int i = 0; i < dim; i++) {
                        int base = rowPtr[row0 + i] + off;
                        int kr = (a * dim + i) * nd + b * dim;
                        for (int c = 0; c < dim; c++) {
                            data[base + c] += ke[kr + c];
                        }
                    }
                }
            }
        }

        /**
         * Adds the element matrix's node blocks (a, b) with node(a) ≤ node(b) into the symmetric
         * block matrix (block (b, a) is the transpose); clears {@link #symmetricElements} if the
         * element matrix is not symmetric.
         */
        private void scatterSymmetric(double[] ke, int e, int nn, int nd) {
            if (!symmetric(ke, nd)) {
                symmetricElements = false;
                return;
            }
            double[] v = sym.v;
            int dd = dim * dim;
            for (int a = 0; a < nn; a++) {
                int na = mesh.node(e, a);
                for (int b = 0; b < nn; b++) {
                    int nb = mesh.node(e, b);
                    if (nb < na) {
                        continue;
                    }
                    int o = sym.find(na, nb) * dd;
                    for (int i = 0; i < dim; i++) {
                        int kr = (a * dim + i) * nd + b * dim;
                        for (int c = 0; c < dim; c++) {
                            v[o + i * dim + c] += ke[kr + c];
                        }
                    }
                }
            }
        }

        @Override
        protected void compute() {
            if (to - from > GRAIN && pool != null) {
                int mid = (from + to) >>> 1;
                invokeAll(new Chunk(elems, from, mid, u, force, k, sym, stiffness, energies, blocked, shared),
                        new Chunk(elems, mid, to, u, force, k, sym, stiffness, energies, blocked, shared));
                return;
            }
            ElementKernel kernel = new ElementKernel(dim, maxNodes, section);
            int[] rowPtr = k == null ? null : k.getRowPointers();
            int[] colIdx = k == null ? null : k.getColumnIndices();
            double[] data = k == null ? null : k.getData();
            int[] dofs = new int[maxNodes * dim];
            for (int i = from; i < to; i++) {
                int e = elems[i];
                if (skip[e]) {
                    energies[e] = 0;
                    continue;
                }
                int nn = mesh.type(e).nodeCount();
                int nd = nn * dim;
                for (int a = 0; a < nn; a++) {
                    int node = mesh.node(e, a);
                    for (int c = 0; c < dim; c++) {
                        dofs[a * dim + c] = node * dim + c;
                    }
                }
                double[] ke = kernel.ke;
                boolean ownForce = true;
                if (shared != null && stiffnessClass[e] >= 0) {
                    // a linear elastic element of a shared class: its stiffness is the class's; at
                    // u = 0 on the element its energy and force are 0, else the kernel computes them
                    ke = shared[stiffnessClass[e]];
                    if (zeroOn(u, dofs, nd)) {
                        energies[e] = 0;
                        ownForce = false;
                    } else {
                        energies[e] = kernel.compute(geometry, e, nn, dofs, u, materials[e], force != null, false);
                    }
                } else {
                    energies[e] = kernel.compute(geometry, e, nn, dofs, u, materials[e], force != null, stiffness);
                }
                if (force != null && ownForce) {
                    for (int r = 0; r < nd; r++) {
                        force[dofs[r]] += kernel.fe[r];
                    }
                }
                if (sym != null) {
                    scatterSymmetric(ke, e, nn, nd);
                } else if (k != null && blocked) {
                    scatterBlocks(ke, e, nn, nd, rowPtr, colIdx, data);
                } else if (k != null) {
                    for (int r = 0; r < nd; r++) {
                        int row = dofs[r];
                        int lo = rowPtr[row];
                        int hi = rowPtr[row + 1];
                        for (int c = 0; c < nd; c++) {
                            int pos = Arrays.binarySearch(colIdx, lo, hi, dofs[c]);
                            data[pos] += ke[r * nd + c];
                        }
                    }
                }
            }
        }
    }

    private static boolean zeroOn(double[] u, int[] dofs, int nd) {
        for (int r = 0; r < nd; r++) {
            if (u[dofs[r]] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per-element averages over quadrature points of the Cauchy stress σ = P Fᵀ / J and the
     * Green–Lagrange strain E = ½(FᵀF − I), each row-major 3×3 per element (out[e*9 + k]).
     */
    public void elementStressAndStrain(double[] u, double[] stressOut, double[] strainOut) {
        ElementKernel kernel = new ElementKernel(dim, maxNodes, section);
        int[] dofs = new int[maxNodes * dim];
        double[] sig = new double[9];
        double[] eps = new double[9];
        for (int e = 0; e < mesh.elementCount(); e++) {
            int nn = mesh.type(e).nodeCount();
            for (int a = 0; a < nn; a++) {
                for (int c = 0; c < dim; c++) {
                    dofs[a * dim + c] = mesh.node(e, a) * dim + c;
                }
            }
            int p0 = geometry.firstPoint(e);
            int p1 = geometry.firstPoint(e + 1);
            double vol = 0;
            Arrays.fill(sig, 0);
            Arrays.fill(eps, 0);
            for (int p = p0; p < p1; p++) {
                kernel.pointState(geometry, p, nn, dofs, u, materials[e]);
                double[] f = kernel.f;
                double[] pk = kernel.p;
                double j = org.isthmus.continuum.material.Tensors.det(f);
                double w = geometry.weight(p);
                vol += w;
                for (int i = 0; i < 3; i++) {
                    for (int l = 0; l < 3; l++) {
                        double s = 0;
                        double c = 0;
                        for (int m = 0; m < 3; m++) {
                            s += pk[3 * i + m] * f[3 * l + m];
                            c += f[3 * m + i] * f[3 * m + l];
                        }
                        sig[3 * i + l] += w * s / j;
                        eps[3 * i + l] += w * 0.5 * (c - (i == l ? 1 : 0));
                    }
                }
            }
            for (int q = 0; q < 9; q++) {
                // an element of zero blended weight carries no stress
                stressOut[9 * e + q] = vol == 0 ? 0 : sig[q] / vol;
                strainOut[9 * e + q] = vol == 0 ? 0 : eps[q] / vol;
            }
        }
    }
}
