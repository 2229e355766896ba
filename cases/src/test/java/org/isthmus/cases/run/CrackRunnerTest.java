package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseReader;
import org.isthmus.cases.casefile.KSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kind crack end to end: the small example of the quick start (Stillinger–Weber, R = 30 Å) against
 * the lattice-trapping figures of the coupling benchmark, a resumed run against an uninterrupted
 * one, and a small coupled run with its continuum output.
 */
class CrackRunnerTest {

    static final Path SW = Path.of("..", "examples", "si-sw-1985.yaml").toAbsolutePath().normalize();

    private static RunOptions quiet(Path dir) {
        return RunOptions.into(dir).withQuiet(true).withEcho(null);
    }

    static String crackCase(String model, String radius, String extra, String k) {
        return """
                kind: crack
                potential: %s
                crack:
                  model: %s
                  radius: "%s"
                %s  k: %s
                """.formatted(SW, model, radius, extra, k);
    }

    @Test
    void smallExampleFindsTheTrappingLoadsOfStillingerWeber(@TempDir Path tmp) throws Exception {
        Case c = CaseReader.read(Path.of("examples", "si-crack.yaml"));
        Summary s = CaseRunner.run(c, quiet(tmp));
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        // SW (1985): K_G = 0.6153 MPa√m from γ_s(111) = 1.360 J/m²; K₋ ≈ 0.56 K_G, K₊ ≈ 2.29 K_G with
        // bisection (docs/theory.md §5), so on a 0.1 K_G grid the tip first heals at 0.5 and runs at 2.3
        assertEquals(0.6153, f.get("k_griffith").value(), 2e-4);
        assertEquals(1.360, f.get("surface_energy").value(), 1e-3);
        assertEquals(0.5, f.get("k_minus_over_k_griffith").value(), 1e-9);
        assertEquals(2.3, f.get("k_plus_over_k_griffith").value(), 1e-9);
        assertEquals(f.get("k_plus").value(), 2.3 * f.get("k_griffith").value(), 1e-9);
        Map<String, double[]> t = RunPlots.columns(tmp.resolve(CrackRunner.TABLE));
        double[] k = t.get("K_over_KG");
        double[] adv = t.get("tip_advance_A");
        assertEquals(19, k.length, "start, 13 up to 2.3, 5 down to 0.5");
        for (int i = 0; i < k.length; i++) {
            boolean moved = i == 13 || i == 18;
            assertEquals(moved, Math.abs(adv[i]) > 1, "row " + i + " at " + k[i] + " K_G: advance " + adv[i]);
        }
        assertTrue(adv[13] > 0 && adv[18] < 0);
        // the opening grows with K on the way up while the tip stays
        double[] cod = t.get("cod_one_and_half_rows_A");
        for (int i = 1; i < 13; i++) {
            assertTrue(cod[i] > cod[i - 1], "COD at row " + i);
        }
        List<Configuration> frames = ExtendedXyz.read(tmp.resolve(CrackRunner.TRAJECTORY));
        assertEquals(19, frames.size());
        assertEquals(542, frames.get(0).size());
        assertEquals("2.300000", frames.get(13).info().get("K_over_KG"));
        for (String png : new String[] {CrackRunner.CRACK_PNG, CrackRunner.OPENING_PNG}) {
            assertTrue(Files.size(tmp.resolve(png)) > 1000, png);
        }
        assertFalse(Files.exists(tmp.resolve(Checkpoint.FILE)));
    }

    @Test
    void resumedRunWritesTheRowsAndFramesOfAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Case c = parse(crackCase("atomistic", "22 Å", "", "{start: 1.0, from: 0.8, to: 1.2, step: 0.1}"), tmp);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertTrue(CaseRunner.run(c, quiet(a)).complete());
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(b).withAbortAfterCheckpoints(2)));
        assertTrue(Files.exists(b.resolve(Checkpoint.FILE)));
        assertFalse(Files.exists(b.resolve(CrackRunner.TABLE)));
        assertFalse(Files.exists(b.resolve(Summary.FILE)));
        Summary resumed = CaseRunner.run(c, quiet(b).withResume(true));
        assertTrue(resumed.complete());
        assertEquals(withoutSeconds(a.resolve(CrackRunner.TABLE)), withoutSeconds(b.resolve(CrackRunner.TABLE)));
        assertEquals(5, Files.readAllLines(a.resolve(CrackRunner.TABLE)).size() - 1);
        assertEquals(Files.readString(a.resolve(CrackRunner.TRAJECTORY)), Files.readString(b.resolve(CrackRunner.TRAJECTORY)));
        Summary full = Summary.read(a);
        for (String key : full.figures().keySet()) {
            assertEquals(full.figures().get(key), resumed.figures().get(key), key);
        }
    }

    /** The table without its last column (wall-clock seconds). */
    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void coupledRunWritesTheContinuumAtEveryLoadAndResumesExactly(@TempDir Path tmp) throws Exception {
        Case c = parse(crackCase("coupled", "30 Å", "  atomistic_radius: \"8 Å\"\n  handshake_width: \"4 Å\"\n",
                "{start: 1.0, from: 0.9, to: 1.1, step: 0.1}"), tmp);
        Path out = tmp.resolve("out");
        Summary s = CaseRunner.run(c, quiet(out));
        assertTrue(s.complete());
        Map<String, double[]> t = RunPlots.columns(out.resolve(CrackRunner.TABLE));
        assertEquals(3, t.get("K_over_KG").length);
        double[] ea = t.get("atomistic_energy_eV");
        double[] ec = t.get("continuum_energy_eV");
        for (int i = 0; i < ea.length; i++) {
            assertTrue(ec[i] > 0, "the continuum stores strain energy");
            assertTrue(ea[i] < 0, "the atoms' potential energy");
        }
        assertTrue(ec[1] > ec[0] && ec[2] < ec[0], "more strain energy at the higher load, less at the lower");
        String pvd = Files.readString(out.resolve(CrackRunner.PVD));
        for (int k = 1; k <= 3; k++) {
            assertTrue(pvd.contains("steps/" + CrackRunner.stepVtu(k)), pvd);
        }
        assertTrue(s.figures().get("free_dofs").value() > 0);
        // interrupted after the first load, resumed: the same rows and the same continuum files
        Path b = tmp.resolve("b");
        assertThrows(RunOptions.SimulatedInterruption.class, () -> CaseRunner.run(c, quiet(b).withAbortAfterCheckpoints(1)));
        assertTrue(CaseRunner.run(c, quiet(b).withResume(true)).complete());
        assertEquals(withoutSeconds(out.resolve(CrackRunner.TABLE)), withoutSeconds(b.resolve(CrackRunner.TABLE)));
        for (int k = 1; k <= 3; k++) {
            Path vtu = Path.of(CrackRunner.STEPS_DIR, CrackRunner.stepVtu(k));
            assertEquals(Files.readString(out.resolve(vtu)), Files.readString(b.resolve(vtu)), vtu.toString());
        }
    }

    @Test
    void coupledRunWithTheCohesivePlaneAheadCarriesItsEnergyInTheLedger(@TempDir Path tmp) throws Exception {
        Case c = parse(crackCase("coupled", "30 Å", "  atomistic_radius: \"8 Å\"\n  handshake_width: \"4 Å\"\n"
                + "  cohesive_plane: true\n", "{start: 1.0, from: 1.0, to: 1.5, step: 0.5}"), tmp);
        Summary s = CaseRunner.run(c, quiet(tmp.resolve("out")));
        assertTrue(s.complete());
        Map<String, Figure> f = s.figures();
        assertEquals(8, f.get("cohesive_plane_start").value(), 1e-9, "the atomistic region's edge R_a");
        // The law of the specimen's own plane: W = 2 γ_s unrelaxed, 2 × 1.36 J/m² for SW (111) shuffle.
        assertEquals(2.720, f.get("cohesive_plane_work_of_separation").value(), 2e-3);
        Map<String, double[]> t = RunPlots.columns(tmp.resolve("out").resolve(CrackRunner.TABLE));
        double[] ecoh = t.get("cohesive_energy_eV");
        assertEquals(2, ecoh.length);
        assertTrue(ecoh[0] > 0 && ecoh[1] > ecoh[0], "the plane ahead opens elastically, more at the higher load: "
                + Arrays.toString(ecoh));
        double[] adv = t.get("tip_advance_A");
        assertEquals(0, adv[1], 1e-9, "no advance at 1.5 K_G");
        assertTrue(Double.isNaN(t.get("plane_crack_tip_A")[1]), "the plane is nowhere open past its peak traction");
        // the ledger adds up to the energy at every load (displacement-controlled: no external work)
        double[] e = t.get("energy_eV");
        for (int i = 0; i < e.length; i++) {
            double sum = t.get("atomistic_energy_eV")[i] + t.get("continuum_energy_eV")[i] + ecoh[i]
                    - t.get("external_work_eV")[i] - t.get("ghost_correction_work_eV")[i];
            assertEquals(e[i], sum, 1e-6 * Math.abs(e[i]), "ledger row " + i);
            assertEquals(0, t.get("external_work_eV")[i]);
        }
        Path out = tmp.resolve("out");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve(CrackRunner.LEDGER_PNG).toFile());
        assertEquals(800, png.getWidth(), "one branch: one chart");
        assertEquals(500, png.getHeight());
        // the cohesive plane's faces beside the continuum at each load: the ring (blended, label 0) and beyond (label 1)
        Path faces = out.resolve(CrackRunner.STEPS_DIR).resolve("continuum_0002-cohesive.vtu");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(faces.toFile());
        var piece = (org.w3c.dom.Element) doc.getElementsByTagName("Piece").item(0);
        int cells = Integer.parseInt(piece.getAttribute("NumberOfCells"));
        assertEquals(cells + 1, Integer.parseInt(piece.getAttribute("NumberOfPoints")), "one line of faces along y = 0");
        Map<String, double[]> a = new java.util.HashMap<>();
        var arrays = doc.getElementsByTagName("DataArray");
        for (int i = 0; i < arrays.getLength(); i++) {
            var el = (org.w3c.dom.Element) arrays.item(i);
            a.put(el.getAttribute("Name"), Arrays.stream(el.getTextContent().trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble).toArray());
        }
        double[] label = a.get("label");
        double[] weight = a.get("weight");
        double[] opening = a.get("opening");
        double[] jump = a.get("jump");
        double[] conn = a.get("connectivity");
        assertEquals(0, label[0]);
        assertEquals(1, label[cells - 1]);
        double energy = 0;
        for (int q = 0; q < cells; q++) {
            assertEquals(3, a.get("types")[q]);
            assertTrue(weight[q] > 0 && weight[q] <= 1 && (label[q] == 0 || weight[q] == 1), "face " + q + " α " + weight[q]);
            // a line face's mean opening is the mean of its ends' jumps (normal = y)
            double ends = 0.5 * (jump[3 * (int) conn[2 * q] + 1] + jump[3 * (int) conn[2 * q + 1] + 1]);
            assertEquals(ends, opening[3 * q], 1e-9, "face " + q);
            assertTrue(opening[3 * q] > 0, "the plane ahead opens elastically at 1.5 K_G: face " + q);
            energy += a.get("energyDensity")[q];
        }
        assertTrue(energy > 0);
        String pvd = Files.readString(out.resolve(CrackRunner.PVD));
        assertTrue(pvd.contains("part=\"1\" file=\"steps/continuum_0002-cohesive.vtu\""), pvd);
    }

    @Test
    void planStartsAtStartThenGoesUpThenDown() {
        List<CrackRunner.Load> plan = CrackRunner.plan(new KSteps("K_G", 1, 0.8, 1.25, 0.1, true), 2.0);
        assertEquals(List.of(0, 1, 1, -1, -1), plan.stream().map(CrackRunner.Load::branch).toList());
        double[] k = plan.stream().mapToDouble(CrackRunner.Load::k).toArray();
        double[] expected = {2.0, 2.2, 2.4, 1.8, 1.6};
        for (int i = 0; i < k.length; i++) {
            assertEquals(expected[i], k[i], 1e-12, Arrays.toString(k));
        }
        // K in MPa·√m: 1 eV/Å^2.5 = 1.602176634 MPa·√m, whatever K_G is
        KSteps mpa = new KSteps("MPa_sqrt_m", 0.6, 0.5, 0.7, 0.1, true);
        assertEquals(1 / 1.602176634, mpa.scale(0.38), 1e-15);
        assertEquals(0.6 / 1.602176634, CrackRunner.plan(mpa, mpa.scale(0.38)).get(0).k(), 1e-15);
    }
}
