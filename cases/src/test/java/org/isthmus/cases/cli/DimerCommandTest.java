package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.analysis.Vibrations;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus dimer} on a vacancy hop in Lennard-Jones argon (31 atoms): from a guess near the
 * middle of the hop it finds the saddle whose energy equals the climbing-image NEB's (the
 * {@code neb} command, an independent search), with one unstable mode in the exact Hessian there;
 * a random initial direction on the hopping atom finds the same saddle; a missing direction is a
 * clear error. The command is registered here as the lead will register it in Isthmus.
 */
class DimerCommandTest {

    @TempDir
    Path dir;
    Path lj;
    Path initial;
    Path fin;
    Path guess;
    int hopper;

    static CliRun run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            var cl = Isthmus.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    @BeforeEach
    void vacancyHop() throws IOException {
        lj = dir.resolve("argon.yaml");
        Files.writeString(lj, """
                potential: lennard-jones
                cutoff: 8.5            # Å
                species:
                  Ar: {epsilon: 0.0103408, sigma: 3.405}
                """);
        Element ar = Element.of("Ar");
        double a = 5.2576;
        Configuration perfect = Lattices.fcc(ar, a, 2, 2, 2);
        for (int i = 0; i < perfect.size(); i++) {
            if (Math.abs(perfect.x(i, 0) - a / 2) < 1e-9 && Math.abs(perfect.x(i, 1) - a / 2) < 1e-9
                    && Math.abs(perfect.x(i, 2)) < 1e-9) {
                hopper = i - 1; // index after removing atom 0 (the vacancy at the origin)
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
        Configuration c = Configuration.of(sp, p, perfect.cell());
        double[] q = p.clone();
        q[3 * hopper] = 0;
        q[3 * hopper + 1] = 0;
        double[] m = p.clone(); // the hopper near the middle of its path, a little off it
        m[3 * hopper] = 0.27 * a;
        m[3 * hopper + 1] = 0.22 * a;
        m[3 * hopper + 2] = 0.05;
        initial = dir.resolve("initial.xyz");
        fin = dir.resolve("final.xyz");
        guess = dir.resolve("guess.xyz");
        ExtendedXyz.write(initial, List.of(c));
        ExtendedXyz.write(fin, List.of(c.withPositions(q)));
        ExtendedXyz.write(guess, List.of(c.withPositions(m)));
    }

    @Test
    void dimerFindsTheSaddleOfTheClimbingImageNeb() throws IOException {
        Path nebOut = dir.resolve("neb");
        CliRun neb = CliRun.of("neb", "--potential", lj.toString(), "--initial", initial.toString(), "--final",
                fin.toString(), "--images", "5", "--out", nebOut.toString(), "--quiet", "--fmax", "1e-4");
        assertEquals(0, neb.exitCode(), neb.err() + neb.out());
        double top = Files.readAllLines(nebOut.resolve("profile.csv")).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[2])).max().orElseThrow();

        Path out = dir.resolve("dimer");
        CliRun r = run("dimer", "--potential", lj.toString(), "--structure", guess.toString(), "--toward",
                fin.toString(), "--fmax", "1e-4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().startsWith("dimer converged: E = "), r.out());
        Configuration saddle = ExtendedXyz.read(out.resolve("saddle.xyz")).get(0);
        double e = saddle.referenceEnergy().getAsDouble();
        System.out.printf("dimer saddle %.8f eV, climbing-image NEB %.8f eV%n", e, top);
        assertEquals(top, e, 1e-5, "saddle energy: dimer vs climbing-image NEB");
        assertEquals(r.out().lines().findFirst().orElseThrow(), Files.readString(out.resolve("saddle.txt")).strip());
        // a first-order saddle: exactly one unstable mode of the exact Hessian, and the dimer's mode is it
        LennardJones p = LennardJones.builder(8.5).species(Element.of("Ar"), 0.0103408, 3.405).build();
        Vibrations v = Vibrations.of(saddle, p.hessian(saddle, org.isthmus.atomistic.potential.Request.defaults()));
        assertEquals(1, v.unstableModes());
        List<String> mode = Files.readAllLines(out.resolve("mode.csv"));
        assertEquals(1 + saddle.size(), mode.size());
        String[] h = mode.get(1 + hopper).split(",");
        double along = Math.hypot(Double.parseDouble(h[2]), Double.parseDouble(h[3]));
        assertTrue(along > 0.8, "the unstable mode is mostly the hopping atom's move: " + along);

        // a random start direction on the hopping atom only finds the same saddle
        CliRun random = run("dimer", "--potential", lj.toString(), "--structure", guess.toString(), "--seed", "7",
                "--atoms", Integer.toString(hopper + 1), "--fmax", "1e-4", "--out", dir.resolve("dimer2").toString());
        assertEquals(0, random.exitCode(), random.err() + random.out());
        assertEquals(e, ExtendedXyz.read(dir.resolve("dimer2/saddle.xyz")).get(0).referenceEnergy().getAsDouble(), 1e-6);
    }

    @Test
    void aMissingDirectionIsAClearError() {
        CliRun r = run("dimer", "--potential", lj.toString(), "--structure", guess.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("--toward") && r.err().contains("--seed"), r.err());
    }
}
