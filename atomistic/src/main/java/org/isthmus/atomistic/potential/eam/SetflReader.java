package org.isthmus.atomistic.potential.eam;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.isthmus.atomistic.structure.Element;

/**
 * Reads a DYNAMO setfl file (LAMMPS {@code pair_style eam/alloy}) as {@code PairEAMAlloy::read_file}
 * and {@code file2array} do: the tables are used as they stand.
 *
 * <p>Format: lines 1–3 comments; line 4 {@code N el_1 … el_N}; line 5 {@code nρ Δρ nr Δr cutoff};
 * per element a line {@code Z mass a lattice}, F(ρ) at nρ points, f(r) at nr points; then r·φ_ij
 * (eV·Å) at nr points for i = 1…N, j = 1…i. Grids start at 0; the embedding is continued linearly
 * beyond ρ_max = (nρ−1)·Δρ.
 */
final class SetflReader {

    private SetflReader() {
    }

    static EamPotential read(Path p) {
        DynamoFile f = DynamoFile.open(p);
        for (int i = 0; i < 3; i++) {
            f.line("a comment line (setfl files open with three)");
        }
        String[] w = f.words(1, "the number of elements and their names");
        int n = f.integer(w[0], "the number of elements");
        int line = f.lineNumber();
        if (n < 1 || w.length != n + 1) {
            throw f.error(line, "expected the number of elements followed by that many element names, found "
                    + String.join(" ", w));
        }
        Element[] elements = new Element[n];
        Set<Element> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Optional<Element> e = Element.find(w[i + 1]);
            if (e.isEmpty()) {
                throw f.error(line, "element name \"" + w[i + 1] + "\" is not a chemical element symbol");
            }
            if (!seen.add(e.get())) {
                throw f.error(line, "element " + w[i + 1] + " is listed twice");
            }
            elements[i] = e.get();
        }
        w = f.words(5, "nrho drho nr dr cutoff");
        int nrho = f.integer(w[0], "nrho");
        double drho = f.number(w[1], "drho");
        int nr = f.integer(w[2], "nr");
        double dr = f.number(w[3], "dr");
        double cut = f.number(w[4], "the cutoff in Å");
        if (nrho < 5 || nr < 5 || !(drho > 0) || !(dr > 0) || !(cut > 0)) {
            throw f.error(f.lineNumber(), "expected at least 5 points per table and positive spacings and cutoff, found "
                    + "nrho=" + nrho + " drho=" + drho + " nr=" + nr + " dr=" + dr + " cutoff=" + cut);
        }
        double rhomax = (nrho - 1) * drho;
        EamPotential.Builder b = EamPotential.builder("EAM setfl " + f.source(), cut);
        for (int i = 0; i < n; i++) {
            String[] h = f.words(2, "atomic number and mass of " + elements[i].symbol());
            f.integer(h[0], "the atomic number of " + elements[i].symbol());
            f.number(h[1], "the mass of " + elements[i].symbol());
            double[] frho = f.numbers(nrho, "F(rho) of " + elements[i].symbol());
            double[] rhor = f.numbers(nr, "f(r) of " + elements[i].symbol());
            b.element(elements[i], UniformCubicSpline.of(frho, drho).extendedLinearlyBeyond(rhomax),
                    UniformCubicSpline.of(rhor, dr));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double[] z2r = f.numbers(nr, "r*phi(r) of " + elements[i].symbol() + "-" + elements[j].symbol());
                b.pair(elements[i], elements[j], new PairFromRPhi(UniformCubicSpline.of(z2r, dr)));
            }
        }
        return b.build();
    }
}
