package org.isthmus.cases.casefile;

/**
 * A case file: one run of Isthmus. The common sections (potential, structure, backend,
 * threads, outputs) and one section per {@link CaseKind}, named like the kind, of which only
 * the section of {@link #kind()} may be present. A new kind adds its section here and a
 * {@link CaseKind} constant (and a runner in {@code cases.run}).
 */
@Doc("An Isthmus case file: one run (kind md, relax, fe, cohesive, crack or adhesion).")
public record CaseFile(
        @Key(doc = "What the case does: md (molecular dynamics of a structure), relax (energy minimisation of a "
                + "structure at fixed cell), fe (a continuum finite-element solve), cohesive (a cohesive law derived "
                + "from the potential), crack (a mode-I crack under a K-field, atomistic or coupled) or adhesion "
                + "(two blocks pulled apart across a derived cohesive law).",
                values = {"md", "relax", "fe", "cohesive", "crack", "adhesion"}) String kind,
        @Key(doc = "A free title for logs and study tables.", defaultValue = Key.OPTIONAL) String title,
        @Key(doc = "The interatomic potential (every kind but fe). A shipped short name (si-sw), an n2p2 "
                + "potential directory, a LAMMPS .eam/.eam.alloy/.sw file or a reference-potential .yaml.",
                defaultValue = Key.OPTIONAL) PotentialSpec potential,
        @Key(doc = "The atoms (kinds md and relax): a structure file or a generated crystal.",
                defaultValue = Key.OPTIONAL) StructureSpec structure,
        @Key(doc = "Where the NN-PES is evaluated: java, opencl, or auto (OpenCL where a double-precision "
                + "device is there, else Java with a warning).", defaultValue = "java",
                values = {"java", "opencl", "auto"}) String backend,
        @Key(doc = "OpenCL device for backend opencl/auto: auto, P:D (platform and device index) or a name "
                + "substring.", defaultValue = "auto") String device,
        @Key(doc = "Threads for the potential or the finite-element assembly (0: all processors).",
                defaultValue = "0", min = 0) int threads,
        @Key(doc = "What is written to the output directory.", defaultValue = "{}") Outputs outputs,
        @Key(doc = "Settings of a molecular-dynamics run (kind md).", defaultValue = Key.OPTIONAL) MdSection md,
        @Key(doc = "Settings of an energy minimisation (kind relax).", defaultValue = Key.OPTIONAL) RelaxSection relax,
        @Key(doc = "A continuum finite-element solve (kind fe).", defaultValue = Key.OPTIONAL) FeSection fe,
        @Key(doc = "A cohesive law derived from the potential (kind cohesive).", defaultValue = Key.OPTIONAL)
        CohesiveSection cohesive,
        @Key(doc = "A mode-I crack under an applied K-field (kind crack).", defaultValue = Key.OPTIONAL)
        CrackSection crack,
        @Key(doc = "Two blocks pulled apart across a derived cohesive law (kind adhesion).",
                defaultValue = Key.OPTIONAL) AdhesionSection adhesion) {

    /** The kind as a {@link CaseKind}. */
    public CaseKind caseKind() {
        return CaseKind.of(kind);
    }
}
