package org.isthmus.cases.casefile;

import java.util.List;
import java.util.Set;

import org.isthmus.atomistic.structure.Element;

/**
 * The rules of a case file that tie fields together, checked after binding; each broken rule is
 * one error at the field concerned.
 */
final class CaseChecks {
    private CaseChecks() {
    }

    static void check(CaseFile c, CaseBinder b) {
        CaseKind kind = c.caseKind();
        if (kind.potential()) {
            if (c.potential() == null) {
                b.error("", "missing required key 'potential' (kind " + kind.key() + " needs an interatomic potential)");
            }
        } else if (c.potential() != null) {
            b.errorAtKey("potential", "kind " + kind.key() + " takes no potential; remove this section");
        }
        if (kind.structure()) {
            if (c.structure() == null) {
                b.error("", "missing required key 'structure' (kind " + kind.key() + " needs atoms)");
            } else {
                structure(c.structure(), b);
            }
        } else if (c.structure() != null) {
            b.errorAtKey("structure", "kind " + kind.key() + " takes no atoms" + (kind.potential()
                    ? " (it builds them from " + kind.key() + ".crystal)" : "") + "; remove this section");
        }
        if (kind == CaseKind.MD && c.md() != null) {
            md(c.md(), b);
        }
        if (kind == CaseKind.FE && c.fe() != null) {
            fe(c.fe(), b);
        }
        if (kind == CaseKind.COHESIVE && c.cohesive() != null) {
            crystal(c.cohesive().crystal(), "cohesive.crystal", false, b);
        }
        if (kind == CaseKind.ADHESION && c.adhesion() != null) {
            crystal(c.adhesion().crystal(), "adhesion.crystal", false, b);
            upper(c.adhesion(), b);
        }
        if (kind == CaseKind.CRACK && c.crack() != null) {
            crack(c.crack(), b);
        }
    }

    /** The upper crystal of an interface: a crystal of its own, a strain allowance below 10 %. */
    private static void upper(AdhesionSection a, CaseBinder b) {
        AdhesionUpperSpec u = a.upper();
        if (u == null) {
            return;
        }
        crystal(new CrystalSpec(u.lattice(), u.element(), u.latticeConstant(), u.plane(), u.direction()), "adhesion.upper",
                false, b);
        if (!(u.maxStrain() < 0.1)) {
            b.error("adhesion.upper.max_strain", "found " + u.maxStrain() + "; expected a fraction below 0.1 (the "
                    + "interface cell strains the upper crystal by at most 10 %)");
        }
        if (u.repeats() != null && b.given("adhesion.upper.max_strain")) {
            b.errorAtKey("adhesion.upper.max_strain", "'max_strain' chooses the repeats; with 'repeats' given remove it");
        }
    }

    /** Element symbol, Miller indices that parse, a direction in the plane; a crack takes fcc or diamond. */
    private static void crystal(CrystalSpec cs, String path, boolean crack, CaseBinder b) {
        if (cs.element() != null && Element.find(cs.element().trim()).isEmpty()) {
            b.error(path + ".element", "found '" + cs.element() + "'; expected a chemical element symbol such as Si");
        }
        if (crack && cs.lattice().equals("bcc")) {
            b.error(path + ".lattice", "found 'bcc'; a crack case takes fcc or diamond (a lattice whose translations "
                    + "are the fcc ones)");
        }
        int[] plane = miller(cs.plane(), path + ".plane", b);
        int[] direction = miller(cs.direction(), path + ".direction", b);
        if (plane != null && direction != null
                && plane[0] * direction[0] + plane[1] * direction[1] + plane[2] * direction[2] != 0) {
            b.error(path + ".direction", "found [" + cs.direction() + "], which does not lie in the plane ("
                    + cs.plane() + "); expected a direction [uvw] with h·u + k·v + l·w = 0, e.g. 1-10 for 111, 001 for 110");
        }
    }

    /** The three indices of {@code text} (111, 1-10, 1,1,0), or null after an error. */
    static int[] miller(String text, String path, CaseBinder b) {
        String s = text.trim().replaceAll("[\\[\\]()<>{}]", "");
        List<Integer> v = new java.util.ArrayList<>();
        try {
            if (s.contains(",") || s.contains(" ")) {
                for (String part : s.split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        v.add(Integer.parseInt(part));
                    }
                }
            } else {
                for (int i = 0; i < s.length(); i++) {
                    int sign = 1;
                    if (s.charAt(i) == '-' && i + 1 < s.length()) {
                        sign = -1;
                        i++;
                    }
                    if (!Character.isDigit(s.charAt(i))) {
                        throw new NumberFormatException();
                    }
                    v.add(sign * (s.charAt(i) - '0'));
                }
            }
        } catch (NumberFormatException e) {
            v.clear();
        }
        if (v.size() != 3 || v.get(0) == 0 && v.get(1) == 0 && v.get(2) == 0) {
            b.error(path, "found '" + text + "'; expected three Miller indices, not all zero, such as \"111\", "
                    + "\"1-10\" or \"1,1,0\" (quote them: YAML reads 001 as the number 1)");
            return null;
        }
        return new int[] {v.get(0), v.get(1), v.get(2)};
    }

    private static void crack(CrackSection cr, CaseBinder b) {
        crystal(cr.crystal(), "crack.crystal", true, b);
        KSteps k = cr.k();
        if (k.from() > k.start()) {
            b.error("crack.k.from", "found " + k.from() + ", above start " + k.start() + "; expected from ≤ start");
        }
        if (k.to() < k.start()) {
            b.error("crack.k.to", "found " + k.to() + ", below start " + k.start() + "; expected to ≥ start");
        }
        double n = (k.to() - k.from()) / k.step();
        if (n > 1000) {
            b.error("crack.k.step", "found " + k.step() + ", which makes " + (long) n + " load steps between from and "
                    + "to; expected at most 1000");
        }
        if (cr.polynomialRadius() > 0.5) {
            b.error("crack.polynomial_radius", "found " + cr.polynomialRadius() + "; expected 0 (the third-order "
                    + "expansion) or a Green–Lagrange strain radius in (0, 0.5], such as 0.02");
        }
        if (cr.polynomialRadius() > 0 && !(cr.model().equals("coupled") && cr.continuum().equals("cauchy_born"))) {
            b.errorAtKey("crack.polynomial_radius", "'polynomial_radius' belongs to model coupled with continuum "
                    + "cauchy_born (found model " + cr.model() + ", continuum " + cr.continuum() + "); remove it or set "
                    + "model: coupled and continuum: cauchy_born");
        }
        if (cr.model().equals("atomistic")) {
            for (String key : List.of("atomistic_radius", "handshake_width", "element_size", "cohesive_plane")) {
                if (b.given("crack." + key)) {
                    b.errorAtKey("crack." + key, "'" + key + "' belongs to model coupled; remove it or set model: coupled");
                }
            }
        } else if (cr.atomisticRadius().value() + cr.handshakeWidth().value() >= cr.radius().value()) {
            b.error("crack.atomistic_radius", "atomistic radius " + cr.atomisticRadius().pretty() + " + handshake width "
                    + cr.handshakeWidth().pretty() + " reach beyond the radius " + cr.radius().pretty()
                    + "; expected atomistic_radius + handshake_width + 4 r_c < radius");
        }
    }

    private static void md(MdSection md, CaseBinder b) {
        boolean p = md.pressure() != null;
        boolean baro = md.barostat() != null;
        if (p && !baro) {
            b.errorAtKey("md.pressure", "an NPT run needs a barostat: add md.barostat: {kind: scr, compressibility: "
                    + "\"0.01 1/GPa\"} (an estimate of the material's compressibility)");
        }
        if (baro && !p) {
            b.errorAtKey("md.barostat", "a barostat needs a target pressure: add md.pressure (e.g. \"1 bar\")");
        }
        if ((p || baro) && !md.thermostat().equals("langevin")) {
            b.errorAtKey("md.thermostat", "found '" + md.thermostat() + "'; an NPT run (md.pressure, md.barostat) "
                    + "expected langevin");
        }
    }

    private static void structure(StructureSpec s, CaseBinder b) {
        boolean file = s.file() != null;
        boolean lattice = s.lattice() != null;
        if (file == lattice) {
            b.error("structure", file ? "give either 'file' or 'lattice', not both"
                    : "missing 'file' (a structure file) or 'lattice' (a generated crystal)");
            return;
        }
        if (lattice) {
            if (s.frame() != 1 || !s.format().equals("auto")) {
                b.error("structure", "'frame' and 'format' belong to a structure file, not to a generated crystal");
            }
            if (s.element() == null) {
                b.error("structure", "missing required key 'element' (the element of the generated crystal)");
            } else if (Element.find(s.element()).isEmpty()) {
                b.error("structure.element", "found '" + s.element() + "'; expected a chemical element symbol such as Si");
            }
            if (s.latticeConstant() == null) {
                b.error("structure", "missing required key 'lattice_constant' (the cubic lattice constant, a length)");
            }
        } else {
            if (!s.repeat().equals(List.of(1, 1, 1))) {
                b.errorAtKey("structure.repeat", "'repeat' belongs to a generated crystal ('lattice'), not to a file");
            }
            for (String k : List.of("element", "lattice_constant")) {
                if (k.equals("element") ? s.element() != null : s.latticeConstant() != null) {
                    b.errorAtKey("structure." + k, "'" + k + "' belongs to a generated crystal ('lattice'), not to a file");
                }
            }
        }
    }

    private static void fe(FeSection fe, CaseBinder b) {
        MeshSpec m = fe.mesh();
        int dim = 0;
        boolean gen = m.generator() != null;
        if (gen == (m.gmsh() != null)) {
            b.error("fe.mesh", gen ? "give either 'generator' or 'gmsh', not both"
                    : "missing 'generator' (box or rectangle) or 'gmsh' (a mesh file)");
        } else if (gen) {
            dim = m.generator().equals("box") ? 3 : 2;
            if (m.size() == null) {
                b.error("fe.mesh", "missing required key 'size' (" + dim + " edge lengths of the " + m.generator() + ")");
            } else if (m.size().size() != dim) {
                b.error("fe.mesh.size", "found " + m.size().size() + " lengths; a " + m.generator() + " needs " + dim);
            }
            if (m.refine() != null) {
                if (m.cells() != null) {
                    b.error("fe.mesh", "give either 'cells' (a uniform grid) or 'refine' (a graded one), not both");
                }
                refine(m.refine(), dim, m.generator(), b);
            } else if (m.cells() == null) {
                b.error("fe.mesh", "missing required key 'cells' (" + dim + " cell counts) or 'refine' (a grid graded "
                        + "towards a zone)");
            } else if (m.cells().size() != dim) {
                b.error("fe.mesh.cells", "found " + m.cells().size() + " counts; a " + m.generator() + " needs " + dim);
            }
            Set<String> ok = dim == 3 ? Set.of("auto", "hex8", "tet4") : Set.of("auto", "quad4", "tri3");
            if (!ok.contains(m.element())) {
                b.error("fe.mesh.element", "found '" + m.element() + "'; a " + m.generator() + " takes "
                        + (dim == 3 ? "hex8 or tet4" : "quad4 or tri3"));
            }
            if (dim == 3 && m.section().startsWith("plane")) {
                b.error("fe.mesh.section", "found '" + m.section() + "'; a 3D mesh is solid");
            }
            if (dim == 2 && m.section().equals("solid")) {
                b.error("fe.mesh.section", "found 'solid'; a 2D mesh is plane_strain or plane_stress");
            }
        } else if (!m.element().equals("auto")) {
            b.error("fe.mesh.element", "a Gmsh mesh brings its own element types; remove 'element'");
        }
        if (!gen && m.refine() != null) {
            b.error("fe.mesh.refine", "grading belongs to a generated mesh ('generator'), not to a Gmsh file");
        }
        double nu = fe.material().poissonRatio();
        if (!(nu < 0.5)) {
            b.error("fe.material.poisson_ratio", "found " + nu + "; expected −1 < ν < 0.5");
        }
        for (int i = 0; i < fe.boundary().size(); i++) {
            BoundarySpec bc = fe.boundary().get(i);
            String p = "fe.boundary[" + i + "]";
            switch (bc.type()) {
                case "clamp" -> none(bc, p, b, "component", "value", "traction", "pressure");
                case "displacement" -> {
                    if (bc.component() == null || bc.value() == null) {
                        b.error(p, "a displacement needs 'component' (x, y or z) and 'value' (a length)");
                    } else if (dim == 2 && bc.component().equals("z")) {
                        b.error(p + ".component", "found 'z' in a 2D mesh; expected x or y");
                    }
                    none(bc, p, b, "traction", "pressure");
                }
                case "traction" -> {
                    if (bc.traction() == null) {
                        b.error(p, "a traction needs 'traction' (a list of " + (dim == 0 ? "2 or 3" : dim) + " stresses)");
                    } else if (dim > 0 && bc.traction().size() != dim) {
                        b.error(p + ".traction", "found " + bc.traction().size() + " components; the mesh is " + dim + "D");
                    }
                    none(bc, p, b, "component", "value", "pressure");
                }
                case "pressure" -> {
                    if (bc.pressure() == null) {
                        b.error(p, "a pressure needs 'pressure' (a stress)");
                    }
                    none(bc, p, b, "component", "value", "traction");
                }
                default -> throw new IllegalStateException(bc.type());
            }
            if (gen) {
                List<String> sets = dim == 3 ? List.of("all", "xmin", "xmax", "ymin", "ymax", "zmin", "zmax")
                        : List.of("all", "xmin", "xmax", "ymin", "ymax");
                if (!sets.contains(bc.set())) {
                    b.error(p + ".set", "found '" + bc.set() + "'" + org.isthmus.cases.potential.Suggest.nearest(bc.set(), sets)
                            + "; a generated " + m.generator() + " has the sets " + String.join(", ", sets));
                }
            }
        }
    }

    /** The zone of a graded mesh: the keys its shape needs and no others, in the mesh's dimension. */
    private static void refine(MeshRefinement r, int dim, String generator, CaseBinder b) {
        String p = "fe.mesh.refine";
        boolean box = r.zone().equals("box");
        int centre = switch (r.zone()) {
            case "disc", "cylinder" -> 2;
            case "sphere" -> 3;
            default -> 0;
        };
        int zoneDim = switch (r.zone()) {
            case "disc" -> 2;
            case "cylinder", "sphere" -> 3;
            default -> dim;
        };
        if (zoneDim != dim) {
            b.error(p + ".zone", "found '" + r.zone() + "'; a " + generator + " takes "
                    + (dim == 2 ? "box or disc" : "box, cylinder or sphere"));
            return;
        }
        if (box) {
            for (String k : List.of("lower", "upper")) {
                List<Quantity> q = k.equals("lower") ? r.lower() : r.upper();
                if (q == null) {
                    b.error(p, "a box zone needs '" + k + "' (" + dim + " coordinates)");
                } else if (q.size() != dim) {
                    b.error(p + "." + k, "found " + q.size() + " coordinates; the mesh is " + dim + "D");
                }
            }
            if (r.lower() != null && r.upper() != null && r.lower().size() == dim && r.upper().size() == dim) {
                for (int c = 0; c < dim; c++) {
                    if (!(r.upper().get(c).value() > r.lower().get(c).value())) {
                        b.error(p + ".upper", "the box zone is empty along " + "xyz".charAt(c) + ": upper "
                                + r.upper().get(c).value() + " Å ≤ lower " + r.lower().get(c).value() + " Å");
                    }
                }
            }
            if (r.centre() != null || r.radius() != null) {
                b.error(p, "a box zone takes 'lower' and 'upper', not 'centre' or 'radius'");
            }
        } else {
            if (r.centre() == null) {
                b.error(p, "a " + r.zone() + " zone needs 'centre' (" + centre + " coordinates)");
            } else if (r.centre().size() != centre) {
                b.error(p + ".centre", "found " + r.centre().size() + " coordinates; a " + r.zone() + " needs " + centre
                        + (r.zone().equals("cylinder") ? " (the axis's x and y; it runs along z)" : ""));
            }
            if (r.radius() == null) {
                b.error(p, "a " + r.zone() + " zone needs 'radius'");
            }
            if (r.lower() != null || r.upper() != null) {
                b.error(p, "a " + r.zone() + " zone takes 'centre' and 'radius', not 'lower' or 'upper'");
            }
        }
        if (r.growth() > 2) {
            b.error(p + ".growth", "found " + r.growth() + "; expected 1 ≤ growth ≤ 2 (1.2–1.5 keeps elements well shaped)");
        }
        if (r.maxSize() != null && r.maxSize().value() < r.elementSize().value()) {
            b.error(p + ".max_size", "found " + r.maxSize().value() + " Å, below element_size "
                    + r.elementSize().value() + " Å; expected max_size ≥ element_size");
        }
    }

    private static void none(BoundarySpec bc, String p, CaseBinder b, String... keys) {
        for (String k : keys) {
            Object v = switch (k) {
                case "component" -> bc.component();
                case "value" -> bc.value();
                case "traction" -> bc.traction();
                default -> bc.pressure();
            };
            if (v != null) {
                b.errorAtKey(p + "." + k, "'" + k + "' does not belong to a boundary condition of type " + bc.type());
            }
        }
    }
}
