package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.cases.casefile.CaseReference;
import org.isthmus.cases.casefile.CaseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CaseCommandsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LJ = ROOT.resolve("examples/argon-lj.yaml");

    record Result(int code, String out, String err) {
    }

    static Result exec(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void shippedSchemaAndReferenceAreTheGeneratedOnes() throws Exception {
        assertEquals(CaseSchema.json(), Files.readString(ROOT.resolve(CaseSchema.SHIPPED)),
                "docs/case-file.schema.json is stale: regenerate with 'isthmus schema --out docs/case-file.schema.json'");
        assertEquals(CaseReference.markdown(), Files.readString(ROOT.resolve(CaseReference.SHIPPED)),
                "docs/case-files.md is stale: regenerate with 'isthmus schema --reference --out docs/case-files.md'");
        Result r = exec(new SchemaCommand());
        assertEquals(0, r.code());
        assertEquals(CaseSchema.json(), r.out());
    }

    @Test
    void everyExampleCaseIsValid() throws Exception {
        try (var files = Files.list(ROOT.resolve("cases/examples"))) {
            List<Path> cases = files.filter(p -> (p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    && !p.getFileName().toString().contains("study")).sorted().toList();
            assertTrue(cases.size() >= 4, cases.toString());
            for (Path p : cases) {
                Result r = exec(new ValidateCommand(), p.toString());
                assertEquals(0, r.code(), p + ": " + r.err());
                assertTrue(r.out().contains("valid"), r.out());
            }
        }
    }

    @Test
    void runWritesTheOutputDirectoryAndResumeLeavesACompleteRunAlone(@TempDir Path tmp) throws Exception {
        Path c = tmp.resolve("case.yaml");
        Files.writeString(c, """
                kind: md
                title: tiny argon
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2]}
                md: {steps: 10, temperature: "20 K", checkpoint_every: 5}
                """.formatted(LJ));
        Path out = tmp.resolve("out");
        Result r = exec(new RunCommand(), c.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("case.resolved.yaml", "run.log", "steps.csv", "trajectory.xyz", "summary.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String resolved = Files.readString(out.resolve("case.resolved.yaml"));
        assertTrue(resolved.contains("timestep: 1.0 fs") && resolved.contains("threads: 1"), resolved);
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no partial files left");
        }
        String summary = Files.readString(out.resolve("summary.json"));
        Result again = exec(new RunCommand(), c.toString(), "--out", out.toString(), "--quiet", "--resume");
        assertEquals(0, again.code(), again.err());
        assertEquals(summary, Files.readString(out.resolve("summary.json")));
    }

    @Test
    void aRunThatFailsExitsThreeAndItsSummarySaysSo(@TempDir Path tmp) throws Exception {
        Path c = tmp.resolve("relax.yaml");
        Files.writeString(c, """
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.2}
                relax: {fmax: "1e-9 eV/Å", max_steps: 2}
                """.formatted(LJ));
        Result r = exec(new RunCommand(), c.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("run failed"), r.err());
        assertTrue(Files.readString(tmp.resolve("o/summary.json")).contains("\"status\" : \"failed\""));
    }

    @Test
    void studyRunsEveryCaseGoesOnAfterAFailureAndSkipsCompleteOnes(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("base.yaml"), """
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.1}
                relax: {fmax: "1e-4 eV/Å"}
                """.formatted(LJ));
        Path study = tmp.resolve("study.yaml");
        Files.writeString(study, """
                case: base.yaml
                parallel: 2
                vary:
                  relax.max_steps: [1, 500]
                  relax.minimizer: [lbfgs, fire]
                """);
        Path out = tmp.resolve("s");
        Result r = exec(new StudyCommand(), study.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("study.csv"));
        assertEquals(5, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith("id,relax.max_steps,relax.minimizer,status,wall_seconds,atoms,"), rows.get(0));
        assertTrue(rows.get(0).contains("final_energy [eV]"), rows.get(0));
        assertEquals(2, rows.stream().filter(s -> s.contains(",failed,")).count(), String.join("\n", rows));
        assertEquals(2, rows.stream().filter(s -> s.contains(",complete,")).count(), String.join("\n", rows));
        // the comparison plot: the complete cases' figures against relax.max_steps, one series per minimizer
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("study.png").toFile());
        assertTrue(png.getWidth() >= 480 && png.getHeight() > 300, png.getWidth() + "×" + png.getHeight());
        long before = Files.getLastModifiedTime(out.resolve("cases/case-003/summary.json")).toMillis();
        Result again = exec(new StudyCommand(), study.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, again.code());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("cases/case-003/summary.json")).toMillis(),
                "a complete case is not run again");
    }

    @Test
    void exampleStudyIsValid(@TempDir Path tmp) {
        var study = org.isthmus.cases.run.Study.read(ROOT.resolve("cases/examples/temperature-study.yaml"), tmp);
        assertEquals(6, study.cases().size());
        assertEquals(2.0, study.cases().get(1).theCase().spec().md().timestep().value());
        assertEquals(30.0, study.cases().get(1).theCase().spec().md().temperature().value());
    }

    @Test
    void aCaseAndTheMdCommandComputeTheSameTrajectory(@TempDir Path tmp) throws Exception {
        Path xyz = tmp.resolve("ar.xyz");
        org.isthmus.atomistic.io.ExtendedXyz.write(xyz, List.of(org.isthmus.atomistic.structure.Lattices.fcc(
                org.isthmus.atomistic.structure.Element.of("Ar"), 5.26, 2, 2, 2)));
        CliRun direct = CliRun.of("md", "--potential", LJ.toString(), "--structure", xyz.toString(), "--steps", "10",
                "--dt", "4", "--temperature", "30", "--seed", "7", "--every", "5", "--quiet", "--out",
                tmp.resolve("direct.xyz").toString());
        assertEquals(0, direct.exitCode(), direct.err());
        Path c = tmp.resolve("case.yaml");
        Files.writeString(c, """
                kind: md
                potential: %s
                structure: {file: ar.xyz}
                md: {steps: 10, timestep: 4, temperature: 30, seed: 7}
                outputs: {every: 5}
                """.formatted(LJ));
        Result r = exec(new RunCommand(), c.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(tmp.resolve("direct.xyz")), Files.readString(tmp.resolve("o/trajectory.xyz")));
    }

    @Test
    void studyWithBadParametersIsRejectedBeforeAnyRun(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("base.yaml"), "kind: md\npotential: " + LJ
                + "\nstructure: {lattice: fcc, element: Ar, lattice_constant: 5.26}\n");
        Path study = tmp.resolve("study.yaml");
        Files.writeString(study, """
                case: base.yaml
                vary:
                  md.temprature: [10, 20]
                  md.timestep: ["1 fs", "2 GPa"]
                """);
        Result r = exec(new StudyCommand(), study.toString(), "--out", tmp.resolve("s").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown field 'temprature'") && r.err().contains("did you mean 'temperature'"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("s")), "nothing written");
    }
}
