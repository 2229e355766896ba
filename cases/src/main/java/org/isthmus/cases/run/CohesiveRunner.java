package org.isthmus.cases.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.CohesiveSection;
import org.isthmus.cases.casefile.CrystalSpec;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.cohesive.UberFit;
import org.isthmus.coupling.cohesive.XuNeedlemanFit;

/**
 * Runs kind {@code cohesive}: the cohesive law of a crystal's plane derived from the potential
 * (the engine of {@code isthmus cohesive}, {@link CohesiveLawFiles}). Writes {@code law.csv}
 * (the rigid-separation law with its UBER fit), {@code decohesion.csv} (the elastic opening of one
 * layer removed), {@code surface.csv} (with a tangential opening), {@code law.json} (every figure
 * of the law, the fits' parameters), and with {@code outputs.plots} {@code phi.png} and
 * {@code traction.png} (traction–separation). Summary figures: work of separation and surface
 * energy (J/m²), peak traction (GPa) and its opening (Å), the UBER and Xu–Needleman parameters,
 * the normal modulus of the decohesion form. No checkpoints (a derivation takes seconds to
 * minutes).
 */
final class CohesiveRunner implements Runner {

    static final String LAW_JSON = "law.json";

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        CohesiveSection cs = spec.cohesive();
        Path dir = options.out();
        Potential potential = inputs.potential();
        OrientedCrystal crystal = crystal(cs.crystal(), potential, spec.kind());
        log.info("cohesive: potential %s (cutoff %.3f Å); %s; %s separation to %.3f Å in %d openings", potential.name(),
                potential.cutoff(), crystal, cs.relaxed() ? "relaxed" : "rigid", cs.maxOpening().value(), cs.points());
        CohesiveLawFiles.Derived d = CohesiveLawFiles.derive(potential, crystal, cs.relaxed(), cs.maxOpening().value(),
                cs.points(), cs.maxSlip().value(), cs.slipPoints(), cs.thickness().value(), cs.cNormal().value(),
                spec.threads(), options.quiet());
        log.info("%s: %d atoms, area %.4f Å²; derived in %.1f s", d.halves().description(), d.halves().reference().size(),
                d.halves().area(), d.seconds());
        CohesiveLawFiles.writeTablesAndPlots(dir, d, crystal, cs.relaxed(), spec.outputs().plots());
        CohesiveLawFiles.writeSummary(dir.resolve(LAW_JSON), potential, crystal, d.halves(), d.law(), d.modulus(),
                cs.cNormal().value() > 0 ? "cohesive.c_normal" : "potential, relaxed-ion", cs.relaxed(), d.seconds());
        DerivedCohesiveLaw law = d.law();
        warnings(law, log);
        return figures(law, d);
    }

    /** The law's key figures (also those of an adhesion case's law). */
    static Map<String, Figure> figures(DerivedCohesiveLaw law, CohesiveLawFiles.Derived d) {
        double w = law.workOfSeparation();
        UberFit u = law.uber();
        XuNeedlemanFit xn = law.xuNeedleman();
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("atoms", new Figure(d.halves().reference().size(), ""));
        f.put("area", new Figure(d.halves().area(), "Å²"));
        f.put("work_of_separation", new Figure(w * SeparationTable.J_PER_M2, "J/m²"));
        f.put("work_of_separation_internal", new Figure(w, "eV/Å²"));
        f.put("surface_energy", new Figure(0.5 * w * SeparationTable.J_PER_M2, "J/m²"));
        f.put("peak_traction", new Figure(law.peakTraction() * SeparationTable.GPA, "GPa"));
        f.put("peak_opening", new Figure(law.peakOpening(), "Å"));
        f.put("uber_work_of_separation", new Figure(u.workOfSeparation() * SeparationTable.J_PER_M2, "J/m²"));
        f.put("uber_length", new Figure(u.length(), "Å"));
        f.put("uber_rms_residual", new Figure(u.rmsResidual() * SeparationTable.J_PER_M2, "J/m²"));
        f.put("xu_needleman_sigma_max", new Figure(xn.sigmaMax() * SeparationTable.GPA, "GPa"));
        f.put("xu_needleman_delta_n", new Figure(xn.deltaN(), "Å"));
        f.put("normal_modulus", new Figure(d.modulus() * SeparationTable.GPA, "GPa"));
        f.put("decohesion_work_of_separation", new Figure(law.decohesionWorkOfSeparation() * SeparationTable.J_PER_M2,
                "J/m²"));
        return f;
    }

    /** The warnings of {@code isthmus cohesive}: the halves did not separate, or still pull at the largest opening. */
    static void warnings(DerivedCohesiveLaw law, RunLog log) {
        SeparationTable table = law.table();
        double w = law.workOfSeparation();
        if (Math.abs(table.separatedEnergy()) > 1e-3 * w) {
            log.info("warning: φ at the largest opening is %.3e eV/Å², not 0: the halves did not separate on the cut "
                    + "plane; the work of separation is that of the path, not 2γ", table.separatedEnergy());
        }
        if (Math.abs(table.residualTraction()) > 1e-3 * law.peakTraction()) {
            log.info("warning: traction at the largest opening is %.3e eV/Å³; raise max_opening beyond the cutoff",
                    table.residualTraction());
        }
    }

    /** The oriented crystal of a section (element: given, or the potential's only species). */
    static OrientedCrystal crystal(CrystalSpec cs, Potential potential, String kind) {
        return OrientedCrystal.of(cs.lattice(), CrackRunner.element(cs, potential), cs.latticeConstant().value(),
                cs.plane(), cs.direction());
    }
}
