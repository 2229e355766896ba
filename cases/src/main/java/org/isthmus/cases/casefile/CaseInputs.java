package org.isthmus.cases.casefile;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.isthmus.atomistic.AtomisticException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.StructureFormat;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.cases.potential.PotentialLoader;
import org.isthmus.cases.potential.ShippedPotentials;
import org.isthmus.continuum.ContinuumException;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.GmshReader;
import org.isthmus.continuum.mesh.GradedMesh;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.coupling.cohesive.InterfaceRepeats;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * The resources a case names, loaded and checked before any work starts: the potential (it
 * loads, and knows every element of the structure), the structure (the file reads, the frame
 * exists), the mesh (generated, or the Gmsh file reads, and has every set a boundary condition
 * names), the crystal of cohesive, crack and adhesion (an element the potential knows; a crack
 * radius that holds its regions; adhesion's upper crystal: an element the potential knows and
 * in-plane repeats that match the lower crystal's periods). Every problem is reported at once, at the field that named the
 * resource.
 *
 * @param potential the potential, as loaded (backend not yet applied); null for kind fe
 * @param structure the atoms (Å), rattled if asked; null for the kinds that take none (fe, and
 *                  cohesive, crack, adhesion, which build their crystal from their section)
 * @param mesh      the mesh in Å; null for atomistic kinds
 */
public record CaseInputs(Potential potential, Configuration structure, Mesh mesh) {

    /**
     * Loads and checks what {@code c} names.
     *
     * @throws CaseException with every problem found
     */
    public static CaseInputs load(Case c) {
        CaseBinder b = c.binder();
        CaseFile s = c.spec();
        Potential potential = null;
        Configuration structure = null;
        Mesh mesh = null;
        if (s.caseKind().potential()) {
            try {
                String given = s.potential().path();
                if (!given.contains("/") && !given.contains("\\") && !java.nio.file.Files.exists(c.baseDir().resolve(given))
                        && !ShippedPotentials.isShipped(given)) {
                    ShippedPotentials.resolve(given); // a misspelt short name: the error lists the shipped names
                }
                potential = PotentialLoader.load(Path.of(s.potential().path()),
                        LengthEnergyUnits.parse(s.potential().units()));
            } catch (AtomisticException | ContinuumException e) {
                b.error("potential.path", "cannot load the potential: " + e.getMessage());
            }
            if (potential != null && s.backend().equals("opencl") && !(potential instanceof NnpPotential)) {
                b.error("backend", "found 'opencl', which serves NN-PES (n2p2) potentials only; " + potential.name()
                        + " has only the Java backend (use java or auto)");
            }
            structure = s.caseKind().structure() ? structure(s, b) : null;
            if (potential != null && !s.caseKind().structure()) {
                crystal(s, potential, b);
            }
            if (potential != null && structure != null) {
                Set<Element> known = potential.species();
                for (int i = 0; i < structure.size(); i++) {
                    if (!known.contains(structure.species(i))) {
                        b.error(s.structure().file() != null ? "structure.file" : "structure.element", "atom " + (i + 1)
                                + " is " + structure.species(i) + ", which the potential " + potential.name()
                                + " has no parameters for (it knows " + new TreeSet<>(known) + ")");
                        break;
                    }
                }
            }
        }
        if (s.fe() != null) {
            mesh = mesh(s.fe(), b);
        }
        if (!b.errors().isEmpty()) {
            throw new CaseException(b.errors());
        }
        return new CaseInputs(potential, structure, mesh);
    }

    /** The section's crystal: an element the potential knows; a coupled crack's regions inside its radius. */
    private static void crystal(CaseFile s, Potential potential, CaseBinder b) {
        String key = s.caseKind().key();
        CrystalSpec cs = switch (s.caseKind()) {
            case COHESIVE -> s.cohesive().crystal();
            case CRACK -> s.crack().crystal();
            case ADHESION -> s.adhesion().crystal();
            default -> throw new IllegalStateException(key);
        };
        Set<Element> known = potential.species();
        if (cs.element() == null) {
            if (known.size() != 1) {
                b.error(key + ".crystal", "missing 'element': the potential " + potential.name() + " has parameters for "
                        + new TreeSet<>(known) + "; name the crystal's element");
            }
        } else {
            Element.find(cs.element().trim()).filter(e -> !known.contains(e)).ifPresent(e -> b.error(
                    key + ".crystal.element", "found " + e.symbol() + ", which the potential " + potential.name()
                            + " has no parameters for (it knows " + new TreeSet<>(known) + ")"));
        }
        if (s.caseKind() == CaseKind.ADHESION && s.adhesion().upper() != null) {
            upper(s.adhesion(), potential, b);
        }
        if (s.crack() != null) {
            CrackSection cr = s.crack();
            double shell = 2 * potential.cutoff();
            double need = cr.model().equals("coupled")
                    ? cr.atomisticRadius().value() + cr.handshakeWidth().value() + 2 * potential.cutoff()
                    : 2 * potential.cutoff();
            if (!(need < cr.radius().value() - shell)) {
                b.error("crack.radius", String.format(java.util.Locale.ROOT, "found %s; expected more than %.2f Å: "
                        + "the held ring (2 r_c = %.2f Å, r_c = %.3f Å of %s) around %s", cr.radius().pretty(),
                        need + shell, shell, potential.cutoff(), potential.name(), cr.model().equals("coupled")
                                ? String.format(java.util.Locale.ROOT, "atomistic radius + handshake width + padding "
                                        + "2 r_c = %.2f Å", need)
                                : String.format(java.util.Locale.ROOT, "a free core of at least 2 r_c = %.2f Å", need)));
            }
        }
    }

    /**
     * The upper crystal of an adhesion interface: an element the potential knows, and in-plane
     * repeats that match the lower crystal's periods (found within max_strain, or given and below 10 %).
     */
    private static void upper(AdhesionSection a, Potential potential, CaseBinder b) {
        AdhesionUpperSpec u = a.upper();
        Set<Element> known = potential.species();
        Element e = Element.find(u.element().trim()).orElse(null);
        if (e != null && !known.contains(e)) {
            b.error("adhesion.upper.element", "found " + e.symbol() + ", which the potential " + potential.name()
                    + " has no parameters for (it knows " + new TreeSet<>(known) + ")");
            return;
        }
        if (e == null || !b.errors().isEmpty()) {
            return; // reported already
        }
        try {
            OrientedCrystal lower = OrientedCrystal.of(a.crystal().lattice(), a.crystal().element() == null
                    ? known.iterator().next() : Element.of(a.crystal().element().trim()),
                    a.crystal().latticeConstant().value(), a.crystal().plane(), a.crystal().direction());
            OrientedCrystal upper = OrientedCrystal.of(u.lattice(), e, u.latticeConstant().value(), u.plane(), u.direction());
            if (u.repeats() == null) {
                try {
                    InterfaceRepeats.match(lower, upper, u.maxStrain(), InterfaceRepeats.MAX_REPEATS);
                } catch (AtomisticException x) {
                    b.error("adhesion.upper.max_strain", x.getMessage());
                }
            } else {
                List<Integer> r = u.repeats();
                InterfaceRepeats m = InterfaceRepeats.given(lower, upper, r.get(0), r.get(1), r.get(2), r.get(3));
                if (!(Math.abs(m.strain1()) < 0.1 && Math.abs(m.strain2()) < 0.1)) {
                    b.error("adhesion.upper.repeats", String.format(java.util.Locale.ROOT, "found %s, which strains the "
                            + "upper crystal by %.2f %% along x and %.2f %% along y; expected repeats whose periods match "
                            + "within 10 %%", r, 100 * m.strain1(), 100 * m.strain2()));
                }
            }
        } catch (AtomisticException x) {
            b.error("adhesion.upper", "cannot build the interface: " + x.getMessage());
        }
    }

    private static Configuration structure(CaseFile s, CaseBinder b) {
        StructureSpec st = s.structure();
        Configuration c;
        if (st.file() != null) {
            try {
                List<Configuration> frames = StructureFormat.read(Path.of(st.file()), StructureFormat.parse(st.format()),
                        LengthEnergyUnits.parse(s.potential().units()));
                if (frames.size() < st.frame()) {
                    b.error("structure.frame", "found " + st.frame() + "; the file has " + frames.size() + " frame(s)");
                    return null;
                }
                c = frames.get(st.frame() - 1);
            } catch (AtomisticException e) {
                b.error("structure.file", "cannot read the structure: " + e.getMessage());
                return null;
            }
        } else {
            Element e = Element.of(st.element());
            double a = st.latticeConstant().value();
            List<Integer> n = st.repeat();
            c = switch (st.lattice()) {
                case "fcc" -> Lattices.fcc(e, a, n.get(0), n.get(1), n.get(2));
                case "bcc" -> Lattices.bcc(e, a, n.get(0), n.get(1), n.get(2));
                case "diamond" -> Lattices.diamond(e, a, n.get(0), n.get(1), n.get(2));
                default -> Lattices.simpleCubic(e, a, n.get(0), n.get(1), n.get(2));
            };
        }
        double r = st.rattle().value();
        if (r > 0) {
            SplittableRandom rng = new SplittableRandom(st.rattleSeed());
            double[] x = c.positions();
            for (int k = 0; k < x.length; k++) {
                x[k] += r * (2 * rng.nextDouble() - 1);
            }
            c = c.withPositions(x);
        }
        return c;
    }

    /** A generated mesh graded towards {@code refine}'s zone; a request it cannot meet is an error at fe.mesh.refine. */
    private static Mesh graded(MeshSpec m, double[] l, CaseBinder b) {
        MeshRefinement r = m.refine();
        int dim = l.length;
        ElementType type = dim == 3 ? (m.element().equals("tet4") ? ElementType.TET4 : ElementType.HEX8)
                : (m.element().equals("tri3") ? ElementType.TRI3 : ElementType.QUAD4);
        try {
            return GradedMesh.builder(new double[dim], l).zone(r.toZone()).size(r.elementSize().value()).growth(r.growth())
                    .maxSize(r.maxSize() == null ? Double.POSITIVE_INFINITY : r.maxSize().value()).element(type).build()
                    .mesh();
        } catch (ContinuumException e) {
            b.error("fe.mesh.refine", e.getMessage());
            return null;
        }
    }

    private static Mesh mesh(FeSection fe, CaseBinder b) {
        MeshSpec m = fe.mesh();
        Mesh mesh;
        if (m.generator() != null) {
            double[] l = m.size().stream().mapToDouble(Quantity::value).toArray();
            String el = m.element();
            if (m.refine() != null) {
                mesh = graded(m, l, b);
                if (mesh == null) {
                    return null;
                }
            } else if (m.generator().equals("box")) {
                int[] n = m.cells().stream().mapToInt(Integer::intValue).toArray();
                ElementType t = el.equals("tet4") ? ElementType.TET4 : ElementType.HEX8;
                mesh = StructuredMeshes.box(l[0], l[1], l[2], n[0], n[1], n[2], t);
            } else {
                int[] n = m.cells().stream().mapToInt(Integer::intValue).toArray();
                ElementType t = el.equals("tri3") ? ElementType.TRI3 : ElementType.QUAD4;
                mesh = StructuredMeshes.rectangle(l[0], l[1], n[0], n[1], t);
            }
        } else {
            try {
                mesh = GmshReader.read(Path.of(m.gmsh()));
            } catch (ContinuumException e) {
                b.error("fe.mesh.gmsh", "cannot read the mesh: " + e.getMessage());
                return null;
            }
            double unit = m.gmshUnit().value();
            if (unit != 1) {
                double[] x = mesh.coordinates();
                for (int k = 0; k < x.length; k++) {
                    x[k] *= unit;
                }
                mesh = mesh.withCoordinates(x);
            }
            if (mesh.dimension() == 3 && m.section().startsWith("plane")) {
                b.error("fe.mesh.section", "found '" + m.section() + "'; the Gmsh mesh is 3D (solid)");
            }
            if (mesh.dimension() == 2 && m.section().equals("solid")) {
                b.error("fe.mesh.section", "found 'solid'; the Gmsh mesh is 2D (plane_strain or plane_stress)");
            }
        }
        for (int i = 0; i < fe.boundary().size(); i++) {
            BoundarySpec bc = fe.boundary().get(i);
            boolean face = bc.type().equals("traction") || bc.type().equals("pressure");
            Set<String> sets = face ? mesh.faceSetNames() : mesh.nodeSetNames();
            if (!sets.contains(bc.set())) {
                b.error("fe.boundary[" + i + "].set", "found '" + bc.set() + "'"
                        + org.isthmus.cases.potential.Suggest.nearest(bc.set(), sets) + "; the mesh has the "
                        + (face ? "face" : "node") + " sets " + new TreeSet<>(sets));
            }
            if (bc.traction() != null && bc.traction().size() != mesh.dimension()) {
                b.error("fe.boundary[" + i + "].traction", "found " + bc.traction().size() + " components; the mesh is "
                        + mesh.dimension() + "D");
            }
            if (mesh.dimension() == 2 && "z".equals(bc.component())) {
                b.error("fe.boundary[" + i + "].component", "found 'z' in a 2D mesh; expected x or y");
            }
        }
        return mesh;
    }
}
