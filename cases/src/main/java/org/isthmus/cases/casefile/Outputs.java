package org.isthmus.cases.casefile;

/** What a run writes beside its summary, resolved case, log and step table. */
@Doc("What is written to the output directory.")
public record Outputs(
        @Key(doc = "Write a row of the step table (and a trajectory frame) every N MD steps or minimiser "
                + "iterations.", defaultValue = "10", min = 1) int every,
        @Key(doc = "Write the atoms (extended XYZ): the trajectory of md, the relaxed structure of relax.",
                defaultValue = "true") boolean trajectory,
        @Key(doc = "Write the finite-element solution as VTU (ParaView) for kind fe.", defaultValue = "true")
        boolean vtu) {
}
