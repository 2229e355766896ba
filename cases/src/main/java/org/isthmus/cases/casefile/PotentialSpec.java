package org.isthmus.cases.casefile;

/** Which interatomic potential a case uses; {@code potential: si-sw} is short for {@code potential: {path: si-sw}}. */
@Doc("The interatomic potential.")
@Shorthand("path")
public record PotentialSpec(
        @Key(doc = "A shipped short name (si-sw, …), an n2p2 potential directory (with input.nn), a LAMMPS "
                + ".eam/.eam.alloy/.sw file or a reference-potential .yaml/.json; relative paths are relative "
                + "to the case file.", path = true) String path,
        @Key(doc = "Length and energy units of an n2p2 potential (and of n2p2 structure files read with it).",
                defaultValue = "angstrom,eV", values = {"angstrom,eV", "bohr,hartree"}) String units) {
}
