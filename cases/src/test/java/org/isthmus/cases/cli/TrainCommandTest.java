package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code isthmus train CONFIG.yaml}: a small run end to end, and configuration errors naming the field. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String CONFIG = """
            elements: [Si]
            oracle: sw.yaml
            seed: 3
            structures:
              crystal: {lattice: diamond, element: Si, a: 5.431, repeat: [1, 1, 1]}
              strained: 16
              rattle: 0.08
              vacancies: 2
              gaps: [0.5]
            split: {train: 0.75, validation: 0.1}
            symmetry_functions: {cutoff: 4.2, radial: 5, angular: 2}
            network: {hidden: [6], activation: t}
            optimizer: {epochs: 8, batch: 4, lbfgs_iterations: 10}
            committee: 2
            """;

    @Test
    void trainsWritesAPotentialThatPredictLoads() throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), "potential: stillinger-weber\n");
        Path cfg = dir.resolve("train.yaml");
        Files.writeString(cfg, CONFIG);
        Path out = dir.resolve("out");
        CliRun r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("member 2 epoch    8"), r.out());
        assertTrue(r.out().contains("meV/atom"), r.out());
        for (String f : new String[] {"member-1/input.nn", "member-2/scaling.data", "member-1/weights.014.data",
            "train.xyz", "test.xyz", "learning-curve.csv", "learning-curve.png", "report.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("report.json")).contains("committee_mean"));
        Path structure = out.resolve("test.xyz");
        CliRun p = run("predict", "--potential", out.resolve("member-1").toString(), "--structure",
                structure.toString());
        assertEquals(0, p.exitCode(), p.out() + p.err());
    }

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), "potential: stillinger-weber\n");
        Path full = dir.resolve("full.yaml");
        Files.writeString(full, CONFIG);
        Path half = dir.resolve("half.yaml");
        Files.writeString(half, CONFIG.replace("epochs: 8", "epochs: 4"));
        assertEquals(0, run("train", full.toString(), "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(0, run("train", half.toString(), "--out", dir.resolve("b").toString()).exitCode());
        CliRun r = run("train", full.toString(), "--out", dir.resolve("b").toString(), "--resume");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("after epoch 4"), r.out());
        for (String f : new String[] {"member-1/weights.014.data", "member-2/weights.014.data"}) {
            assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void orientedPlanesAndThePropertyCheckReachTheReport() throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), "potential: stillinger-weber\n");
        Path cfg = dir.resolve("planes.yaml");
        Files.writeString(cfg, CONFIG.replace("  gaps: [0.5]", "  gaps: [0.5]\n  planes: [[1, 1, 1], [1, 1, 0]]\n"
                + "  plane_repeat: [1, 1, 1]").replace("committee: 2", "committee: 1"));
        Path out = dir.resolve("p");
        CliRun r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        // 16 strained + 2 vacancies + 1 gap on the cube, 1 gap on each of two oriented cells
        assertTrue(r.out().contains("data: 21 configurations"), r.out());
        assertTrue(r.out().contains("(111) surface: oracle 1.36"), r.out());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"relative_error\"") && report.contains("surface_110_J_m2"), report);
    }

    @Test
    void anExternalProgramCanBeTheOracle() throws Exception {
        // A stand-in for a quantum code: labels every structure with zero energy and forces.
        Files.writeString(dir.resolve("zero.sh"), """
                awk 'NR == 1 { print; next }
                     NR == 2 { sub(/Properties=[^ ]*/, "&:forces:R:3"); print $0 " energy=0.0"; next }
                     { print $0 " 0 0 0" }' input.xyz > output.xyz
                """);
        Path cfg = dir.resolve("cmd.yaml");
        Files.writeString(cfg, CONFIG.replace("oracle: sw.yaml", "oracle: {command: [sh, zero.sh], timeout: 30}")
                .replace("strained: 16", "strained: 6").replace("committee: 2", "committee: 1")
);
        Path out = dir.resolve("c");
        CliRun r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("labelling 9 configurations with command sh"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("oracle-calls/call-0009/output.xyz")));
        assertTrue(!Files.readString(out.resolve("report.json")).contains("properties"), "no property check without a potential");

        Files.writeString(cfg, CONFIG.replace("oracle: sw.yaml", "oracle: {comand: [sh]}"));
        r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("oracle.comand") && r.err().contains("command"), r.err());
    }

    @Test
    void activeLearningAfterTrainingAsksTheOracleAndReports() throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), "potential: stillinger-weber\n");
        Path cfg = dir.resolve("al.yaml");
        Files.writeString(cfg, CONFIG.replace("lbfgs_iterations: 10", "lbfgs_iterations: 0") + """
                active_learning: {temperature: 1200, steps: 40, check_every: 10, threshold: 0.001, max_calls: 2,
                                  retrain_epochs: 2}
                """);
        Path out = dir.resolve("al");
        CliRun r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("active learning: 2 oracle calls"), r.out());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"active_learning\": {\"oracle_calls\": 2, \"queried_steps\": [10, 20]"), report);

        Files.writeString(cfg, CONFIG.replace("committee: 2", "committee: 1") + "active_learning: {steps: 10}\n");
        r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("active_learning") && r.err().contains("committee"), r.err());
    }

    @Test
    void theVirialTermIsTrainedAndReported() throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), "potential: stillinger-weber\n");
        Path cfg = dir.resolve("vir.yaml");
        Files.writeString(cfg, CONFIG.replace("committee: 2", "committee: 1").replace("epochs: 8", "epochs: 3")
                + "loss: {sigma_energy: 0.002, sigma_force: 0.05, sigma_virial: 0.01, virial_weight: 1}\n");
        Path out = dir.resolve("v");
        CliRun r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("meV/Å  W ") && r.out().contains("test: E"), r.out());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"test_virial_rmse_meV_atom\""));
        assertTrue(Files.readString(out.resolve("train.xyz")).contains(" virial=\""), "datasets keep the virial");

        Files.writeString(cfg, CONFIG + "loss: {virial_weight: -1}\n");
        r = run("train", cfg.toString(), "--out", out.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("loss.virial_weight") && r.err().contains("non-negative"), r.err());
    }

    @Test
    void badFieldsAreNamed() throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), "potential: stillinger-weber\n");
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, CONFIG.replace("batch: 4", "batchsize: 4"));
        CliRun r = run("train", cfg.toString(), "--out", dir.resolve("o").toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("optimizer.batchsize") && r.err().contains("batch"), r.err());

        Files.writeString(cfg, CONFIG.replace("lattice: diamond", "lattice: diamont"));
        r = run("train", cfg.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("structures.crystal.lattice") && r.err().contains("diamond"), r.err());

        Files.writeString(cfg, CONFIG.replace("elements: [Si]", "elements: [Xx]"));
        r = run("train", cfg.toString());
        assertEquals(Isthmus.INVALID_INPUT, r.exitCode());
        assertTrue(r.err().contains("elements[0]"), r.err());
    }
}
