package org.isthmus.atomistic.potential.eam;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;

/**
 * Reads DYNAMO funcfl files (LAMMPS {@code pair_style eam}) and combines them onto one grid as
 * LAMMPS's {@code PairEAM::file2array} does, so the result interpolates exactly as LAMMPS.
 *
 * <p>Format: line 1 comment; line 2 atomic number, mass (amu), [lattice constant, lattice];
 * line 3 {@code nρ Δρ nr Δr cutoff}; then F(ρ) at nρ points, Z(r) at nr points, f(r) at nr points,
 * grids starting at 0. Z is the effective charge, φ(r) = 27.2·0.529·Z²/r eV.
 */
final class FuncflReader {

    // LAMMPS's conversion Z_i Z_j (Hartree·Bohr) → eV·Å in pair_eam.cpp: 27.2 eV × 0.529 Å, as there
    private static final double HARTREE_BOHR = 27.2 * 0.529;
    private static final double SIXTH = 1.0 / 6.0;

    private FuncflReader() {
    }

    /** One funcfl file as read; arrays 1-based as LAMMPS's (index 0 unused). */
    private record Funcfl(String source, Element element, int nrho, double drho, int nr, double dr, double cut,
            double[] frho, double[] zr, double[] rhor) {
    }

    static EamPotential read(Path... paths) {
        if (paths.length == 0) {
            throw new InvalidInputException("reading funcfl EAM potentials needs at least one file");
        }
        Funcfl[] files = new Funcfl[paths.length];
        Set<Element> seen = new HashSet<>();
        StringBuilder name = new StringBuilder("EAM funcfl");
        for (int i = 0; i < paths.length; i++) {
            files[i] = parse(paths[i]);
            if (!seen.add(files[i].element())) {
                throw new InvalidInputException(files[i].source(), 2, "element " + files[i].element().symbol()
                        + " is already given by another funcfl file; expected one file per element");
            }
            name.append(' ').append(files[i].source());
        }
        return combine(name.toString(), files);
    }

    private static Funcfl parse(Path p) {
        DynamoFile f = DynamoFile.open(p);
        f.line("a comment line");
        String[] w = f.words(2, "atomic number and mass");
        int z = f.integer(w[0], "the atomic number");
        if (z < 1 || z > Element.count()) {
            throw f.error(f.lineNumber(), "expected an atomic number from 1 to " + Element.count() + ", found " + z);
        }
        Element e = Element.ofNumber(z);
        f.number(w[1], "the mass in amu");
        w = f.words(5, "nrho drho nr dr cutoff");
        int nrho = f.integer(w[0], "nrho");
        double drho = f.number(w[1], "drho");
        int nr = f.integer(w[2], "nr");
        double dr = f.number(w[3], "dr");
        double cut = f.number(w[4], "the cutoff in Å");
        int line = f.lineNumber();
        if (nrho < 6 || nr < 6 || !(drho > 0) || !(dr > 0) || !(cut > 0)) {
            throw f.error(line, "expected at least 6 points per table and positive spacings and cutoff, found nrho="
                    + nrho + " drho=" + drho + " nr=" + nr + " dr=" + dr + " cutoff=" + cut);
        }
        double[] frho = oneBased(f.numbers(nrho, "the embedding function F(rho)"));
        double[] zr = oneBased(f.numbers(nr, "the effective charge Z(r)"));
        double[] rhor = oneBased(f.numbers(nr, "the density function f(r)"));
        return new Funcfl(f.source(), e, nrho, drho, nr, dr, cut, frho, zr, rhor);
    }

    private static double[] oneBased(double[] v) {
        double[] out = new double[v.length + 1];
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }

    // PairEAM::file2array (funcfl): common grid = largest spacings, longest range; nr, nrho from
    // range/spacing + 0.5; every table re-gridded by 4-point Lagrange interpolation.
    private static EamPotential combine(String name, Funcfl[] files) {
        double dr = 0;
        double drho = 0;
        double rmax = 0;
        double rhomax = 0;
        double cut = 0;
        for (Funcfl f : files) {
            dr = Math.max(dr, f.dr());
            drho = Math.max(drho, f.drho());
            rmax = Math.max(rmax, (f.nr() - 1) * f.dr());
            rhomax = Math.max(rhomax, (f.nrho() - 1) * f.drho());
            cut = Math.max(cut, f.cut());
        }
        int nr = (int) (rmax / dr + 0.5);
        int nrho = (int) (rhomax / drho + 0.5);
        int t = files.length;
        double[][] zr = new double[t][];
        EamPotential.Builder b = EamPotential.builder(name, cut);
        for (int i = 0; i < t; i++) {
            Funcfl f = files[i];
            double[] frho = regrid(f.frho(), f.nrho(), f.drho(), nrho, drho);
            double[] rhor = regrid(f.rhor(), f.nr(), f.dr(), nr, dr);
            zr[i] = regrid(f.zr(), f.nr(), f.dr(), nr, dr);
            b.element(f.element(), UniformCubicSpline.of(frho, drho).extendedLinearlyBeyond(rhomax),
                    UniformCubicSpline.of(rhor, dr));
        }
        for (int i = 0; i < t; i++) {
            for (int j = 0; j <= i; j++) {
                double[] z2r = new double[nr];
                for (int m = 0; m < nr; m++) {
                    z2r[m] = HARTREE_BOHR * zr[i][m] * zr[j][m]; // r·φ_ij = 27.2·0.529·Z_i Z_j (pair_eam.cpp)
                }
                b.pair(files[i].element(), files[j].element(), new PairFromRPhi(UniformCubicSpline.of(z2r, dr)));
            }
        }
        return b.build();
    }

    /**
     * The 1-based table {@code src} (n points, spacing h) at the points (m−1)·delta, m = 1…newN,
     * by LAMMPS's 4-point Lagrange formula; returned 0-based.
     */
    private static double[] regrid(double[] src, int n, double h, int newN, double delta) {
        double[] out = new double[newN];
        for (int m = 1; m <= newN; m++) {
            double r = (m - 1) * delta;
            double p = r / h + 1.0;
            int k = (int) p;
            k = Math.min(k, n - 2);
            k = Math.max(k, 2);
            p -= k;
            p = Math.min(p, 2.0);
            double cof1 = -SIXTH * p * (p - 1.0) * (p - 2.0);
            double cof2 = 0.5 * (p * p - 1.0) * (p - 2.0);
            double cof3 = -0.5 * p * (p + 1.0) * (p - 2.0);
            double cof4 = SIXTH * p * (p * p - 1.0);
            out[m - 1] = cof1 * src[k - 1] + cof2 * src[k] + cof3 * src[k + 1] + cof4 * src[k + 2];
        }
        return out;
    }
}
