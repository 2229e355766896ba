package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isthmus vib}, {@code neb} and {@code rate} end to end on Lennard-Jones argon. */
class AnalysisCommandsTest {

    @TempDir
    Path dir;
    Path lj;

    @BeforeEach
    void potential() throws IOException {
        lj = dir.resolve("argon.yaml");
        Files.writeString(lj, """
                potential: lennard-jones
                cutoff: 8.5            # Å
                species:
                  Ar: {epsilon: 0.0103408, sigma: 3.405}
                """);
    }

    @Test
    void vibPrintsModesAndTimeStepAndWritesTheTable() throws IOException {
        Path crystal = dir.resolve("ar.xyz");
        ExtendedXyz.write(crystal, List.of(Lattices.fcc(Element.of("Ar"), 5.2576, 2, 2, 2)));
        Path csv = dir.resolve("modes.csv");
        CliRun r = CliRun.of("vib", "--potential", lj.toString(), "--structure", crystal.toString(), "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("recommended"), r.out());
        assertTrue(r.out().contains("unstable modes: 0"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 3 * 32 - 3, rows.size());
        // argon's highest phonon is about 2 THz
        double top = Double.parseDouble(rows.get(rows.size() - 1).split(",")[1]);
        assertTrue(top > 1.5 && top < 2.5, "highest mode " + top + " THz");
        assertTrue(Files.size(dir.resolve("modes.png")) > 1000, "spectrum plot written");
    }

    @Test
    void rateOfAVacancyHopFollowsArrheniusWithTheNebBarrier() throws IOException {
        Element ar = Element.of("Ar");
        double a = 5.2576;
        Configuration perfect = Lattices.fcc(ar, a, 2, 2, 2);
        // vacancy at the origin (atom 0); its neighbour at (a/2, a/2, 0) hops into it
        int hopper = -1;
        for (int i = 0; i < perfect.size(); i++) {
            if (Math.abs(perfect.x(i, 0) - a / 2) < 1e-9 && Math.abs(perfect.x(i, 1) - a / 2) < 1e-9
                    && Math.abs(perfect.x(i, 2)) < 1e-9) {
                hopper = i;
            }
        }
        Element[] sp = new Element[perfect.size() - 1];
        double[] p = new double[3 * sp.length];
        for (int i = 1; i < perfect.size(); i++) {
            sp[i - 1] = ar;
            for (int k = 0; k < 3; k++) {
                p[3 * (i - 1) + k] = perfect.x(i, k);
            }
        }
        Configuration initial = Configuration.of(sp, p, perfect.cell());
        double[] q = p.clone();
        q[3 * (hopper - 1)] = 0;
        q[3 * (hopper - 1) + 1] = 0;
        Path in = dir.resolve("initial.xyz");
        Path fin = dir.resolve("final.xyz");
        ExtendedXyz.write(in, List.of(initial));
        ExtendedXyz.write(fin, List.of(initial.withPositions(q)));
        Path out = dir.resolve("rate");
        CliRun r = CliRun.of("rate", "--potential", lj.toString(), "--initial", in.toString(), "--final", fin.toString(),
                "--images", "5", "--temperature", "40,80", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        List<String> profile = Files.readAllLines(out.resolve("profile.csv"));
        assertEquals(1 + 7, profile.size());
        double first = Double.parseDouble(profile.get(1).split(",")[2]);
        double last = Double.parseDouble(profile.get(7).split(",")[2]);
        assertEquals(first, last, 1e-5, "symmetric hop: both ends are the same relaxed vacancy");
        List<String> rates = Files.readAllLines(out.resolve("rates.csv"));
        String[] r40 = rates.get(1).split(",");
        String[] r80 = rates.get(2).split(",");
        double barrier = Double.parseDouble(r40[2]);
        assertTrue(barrier > 0.03 && barrier < 0.2, "LJ argon vacancy barrier " + barrier + " eV");
        // k(80)/k(40) = exp(ΔE/k_B (1/40 − 1/80))
        double ratio = Double.parseDouble(r80[1]) / Double.parseDouble(r40[1]);
        assertEquals(Math.exp(barrier / Units.BOLTZMANN * (1 / 40.0 - 1 / 80.0)), ratio, 1e-6 * ratio);
        assertEquals(7, ExtendedXyz.read(out.resolve("path.xyz")).size(), "5 images and the two ends");
        assertTrue(Files.size(out.resolve("profile.png")) > 1000, "profile plot written");
    }

    @Test
    void mdWarnsWhenTheTimeStepExceedsTheSafeOne() throws IOException {
        Path crystal = dir.resolve("ar.xyz");
        ExtendedXyz.write(crystal, List.of(Lattices.fcc(Element.of("Ar"), 5.2576, 2, 2, 2)));
        // argon's shortest period is ~500 fs: 60 fs is unsafe, 5 fs is fine
        CliRun bad = CliRun.of("md", "--potential", lj.toString(), "--structure", crystal.toString(), "--steps", "2",
                "--dt", "60", "--temperature", "10", "--quiet");
        assertTrue(bad.out().contains("exceeds the largest safe step"), bad.out());
        CliRun good = CliRun.of("md", "--potential", lj.toString(), "--structure", crystal.toString(), "--steps", "2",
                "--dt", "5", "--temperature", "10", "--quiet");
        assertEquals(0, good.exitCode(), good.err());
        assertTrue(!good.out().contains("exceeds"), good.out());
    }

    @Test
    void nebRejectsMismatchedEndStatesClearly() throws IOException {
        Path in = dir.resolve("a.xyz");
        Path fin = dir.resolve("b.xyz");
        ExtendedXyz.write(in, List.of(Lattices.fcc(Element.of("Ar"), 5.26, 1, 1, 1)));
        ExtendedXyz.write(fin, List.of(Lattices.fcc(Element.of("Ar"), 5.26, 1, 1, 2)));
        CliRun r = CliRun.of("neb", "--potential", lj.toString(), "--initial", in.toString(), "--final", fin.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("b.xyz") && r.err().contains("same atoms"), r.err());
    }
}
