#!/usr/bin/env python3
"""Regenerates the LAMMPS golden files of the EAM tests (EamLammpsGoldenTest).

For each case: builds a small rattled periodic crystal (fixed seed, Python's Mersenne Twister),
writes it as a LAMMPS data file in a scratch folder, runs the case's input script
in.<case>.lmp (kept beside this script) with `run 0`, and writes <case>.golden: provenance,
tolerance, LAMMPS's total energy and pressure tensor, then per atom the position (exactly as
given to LAMMPS), LAMMPS's per-atom energy (compute pe/atom) and force.

Usage (from any folder):
    python3 regenerate_golden.py [--lmp lmp] [--potentials /work/shared/potentials]

Needs LAMMPS with the MANYBODY package (Debian: apt-get install lammps, binary `lmp`).
The potential files are read from --potentials (the workplace's shared/potentials), never
copied into the project. The funcfl mixing case also needs pseudoNi_u3.eam, which this script
derives from Cu_u3.eam by replacing its two header lines (see PSEUDO_NI_HEADER); the Java test
derives it the same way.
"""
import argparse
import datetime
import os
import random
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCE = "energy 1e-6 eV/atom; per-atom energy 1e-6 eV; force 1e-5 eV/A; pressure 1e-3 bar"

# Cu_u3.eam with a new element line and a 5 % coarser, longer grid: a second funcfl file whose
# tables sit on a different grid, so that LAMMPS's re-gridding and Z_i Z_j mixing are exercised.
PSEUDO_NI_HEADER = ["28 58.6934 3.52 FCC", "500 5.5e-04 500 1.05e-02 5.2"]

FCC = [(0, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5)]

# name: (potential files, pair commands, element of each LAMMPS type, lattice a (A), cells,
#        rattle amplitude (A), seed, fraction of atoms of type 2, comment)
CASES = {
    "cu_u3_fcc": (["Cu_u3.eam"], ["pair_style eam", "pair_coeff 1 1 Cu_u3.eam"], ["Cu"], 3.615, 3, 0.1, 11, 0.0,
                  "funcfl Cu_u3.eam, fcc Cu a=3.615 A 3x3x3, rattled"),
    "cu_u3_closepair": (["Cu_u3.eam"], ["pair_style eam", "pair_coeff 1 1 Cu_u3.eam"], ["Cu"], 3.615, 3, 0.1, 12,
                        0.0, "funcfl Cu_u3.eam, fcc Cu a=3.615 A 3x3x3, rattled, atom 2 moved to 0.95 A from atom 1 "
                        "(densities beyond the embedding table)"),
    "cu_u3_pseudoni": (["Cu_u3.eam", "pseudoNi_u3.eam"],
                       ["pair_style eam", "pair_coeff 1 1 Cu_u3.eam", "pair_coeff 2 2 pseudoNi_u3.eam"],
                       ["Cu", "Ni"], 3.60, 3, 0.1, 13, 0.5,
                       "two funcfl files (Cu_u3.eam and a re-gridded copy as Ni), random fcc 3x3x3, rattled"),
    "cu_mishin1_fcc": (["Cu_mishin1.eam.alloy"], ["pair_style eam/alloy", "pair_coeff * * Cu_mishin1.eam.alloy Cu"],
                       ["Cu"], 3.615, 3, 0.1, 14, 0.0, "setfl Cu_mishin1.eam.alloy, fcc Cu a=3.615 A 3x3x3, rattled"),
    "cu_zhou_fcc": (["Cu_zhou.eam.alloy"], ["pair_style eam/alloy", "pair_coeff * * Cu_zhou.eam.alloy Cu"],
                    ["Cu"], 3.615, 3, 0.1, 15, 0.0, "setfl Cu_zhou.eam.alloy, fcc Cu a=3.615 A 3x3x3, rattled"),
    "cuni_cu_fcc": (["CuNi.eam.alloy"], ["pair_style eam/alloy", "pair_coeff * * CuNi.eam.alloy Cu"],
                    ["Cu"], 3.615, 3, 0.1, 16, 0.0, "setfl CuNi.eam.alloy, pure fcc Cu a=3.615 A 3x3x3, rattled"),
    "cuni_mixed": (["CuNi.eam.alloy"], ["pair_style eam/alloy", "pair_coeff * * CuNi.eam.alloy Cu Ni"],
                   ["Cu", "Ni"], 3.57, 3, 0.1, 17, 0.5,
                   "setfl CuNi.eam.alloy, random Cu-Ni fcc a=3.57 A 3x3x3, rattled"),
    "cuni_compressed": (["CuNi.eam.alloy"], ["pair_style eam/alloy", "pair_coeff * * CuNi.eam.alloy Cu Ni"],
                        ["Cu", "Ni"], 2.0, 2, 0.05, 18, 0.5,
                        "setfl CuNi.eam.alloy, random Cu-Ni fcc a=2.0 A 2x2x2, rattled "
                        "(densities beyond the embedding table)"),
}

# cases in which atom 2 is moved to this distance (A) from atom 1 along [111]
CLOSE_PAIR = {"cu_u3_closepair": 0.95}

MASSES = {"Cu": 63.546, "Ni": 58.6934}


def structure(a, cells, amplitude, seed, fraction2, close=None):
    rng = random.Random(seed)
    box = a * cells
    atoms = []
    for i in range(cells):
        for j in range(cells):
            for k in range(cells):
                for b in FCC:
                    t = 2 if rng.random() < fraction2 else 1
                    x = [((i, j, k)[d] + b[d]) * a + rng.uniform(-amplitude, amplitude) for d in range(3)]
                    atoms.append((t, [v % box for v in x]))
    if close is not None:
        atoms[1] = (atoms[1][0], [(v + close / 3 ** 0.5) % box for v in atoms[0][1]])
    return box, atoms


def write_data(path, box, atoms, elements):
    with open(path, "w") as f:
        f.write("LAMMPS data file written by regenerate_golden.py\n\n")
        f.write("%d atoms\n%d atom types\n\n" % (len(atoms), len(elements)))
        for ax in "xyz":
            f.write("0 %.17g %slo %shi\n" % (box, ax, ax))
        f.write("\nMasses\n\n")
        for t, e in enumerate(elements, 1):
            f.write("%d %.17g\n" % (t, MASSES[e]))
        f.write("\nAtoms # atomic\n\n")
        for n, (t, x) in enumerate(atoms, 1):
            f.write("%d %d %.17g %.17g %.17g\n" % (n, t, x[0], x[1], x[2]))


def input_script(name, pair, comment):
    return "\n".join([
        "# Isthmus golden reference " + name + ": " + comment,
        "# run: lmp -in in." + name + ".lmp -var data <data file> -var dump <dump file>",
        "# (regenerate_golden.py writes the data file; potential files in the working folder)",
        "units metal",
        "atom_style atomic",
        "boundary p p p",
        "atom_modify map array sort 0 0.0",
        "read_data ${data}",
    ] + pair + [
        "neighbor 1.0 bin",
        "compute pe all pe/atom",
        "thermo_style custom step pe pxx pyy pzz pxy pxz pyz vol",
        "thermo_modify format float %20.15g",
        "dump d all custom 1 ${dump} id type x y z c_pe fx fy fz",
        "dump_modify d format float %.17g sort id",
        "run 0",
        'print "GOLDEN energy $(pe:%.17g)"',
        'print "GOLDEN pressure $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pxy:%.17g) $(pxz:%.17g) $(pyz:%.17g)"',
        "",
    ])


def pseudo_ni(cu_u3_text):
    lines = cu_u3_text.split("\n")
    return "\n".join([lines[0]] + PSEUDO_NI_HEADER + lines[3:])


def lammps_version(lmp):
    out = subprocess.run([lmp, "-h"], capture_output=True, text=True).stdout
    m = re.search(r"Large-scale Atomic/Molecular Massively Parallel Simulator - (.*)", out)
    return m.group(1).strip() if m else "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lmp", default="lmp")
    ap.add_argument("--potentials", default="/work/shared/potentials")
    args = ap.parse_args()
    version = lammps_version(args.lmp)
    today = datetime.date.today().isoformat()
    work = tempfile.mkdtemp(prefix="isthmus-golden-")
    try:
        for name, (files, pair, elements, a, cells, amp, seed, frac, comment) in CASES.items():
            for fn in files:
                if fn == "pseudoNi_u3.eam":
                    with open(os.path.join(args.potentials, "Cu_u3.eam")) as src:
                        text = pseudo_ni(src.read())
                    with open(os.path.join(work, fn), "w") as dst:
                        dst.write(text)
                else:
                    shutil.copy(os.path.join(args.potentials, fn), os.path.join(work, fn))
            script = input_script(name, pair, comment)
            with open(os.path.join(HERE, "in." + name + ".lmp"), "w") as f:
                f.write(script)
            box, atoms = structure(a, cells, amp, seed, frac, CLOSE_PAIR.get(name))
            write_data(os.path.join(work, name + ".data"), box, atoms, elements)
            run = subprocess.run([args.lmp, "-in", os.path.join(HERE, "in." + name + ".lmp"), "-var", "data",
                                  name + ".data", "-var", "dump", name + ".dump", "-log", name + ".log",
                                  "-screen", "none"], cwd=work, capture_output=True, text=True)
            if run.returncode != 0:
                raise SystemExit("LAMMPS failed on " + name + ":\n" + run.stdout + run.stderr)
            with open(os.path.join(work, name + ".log")) as f:
                log = f.read()
            energy = re.search(r"^GOLDEN energy (\S+)", log, re.M).group(1)
            pressure = re.search(r"^GOLDEN pressure (.+)$", log, re.M).group(1).split()
            with open(os.path.join(work, name + ".dump")) as f:
                dump = f.read().split("ITEM: ATOMS")[1].strip().split("\n")[1:]
            rows = [r.split() for r in dump]
            with open(os.path.join(HERE, name + ".golden"), "w") as out:
                out.write("# LAMMPS golden reference for Isthmus: " + comment + "\n")
                out.write("# program: LAMMPS (" + version + "), Debian package lammps, binary " + args.lmp + "\n")
                out.write("# generated: " + today + " by regenerate_golden.py, input script in." + name + ".lmp\n")
                out.write("# potential files: " + " ".join(files) + " (from shared/potentials)\n")
                out.write("# pressure: LAMMPS metal units (bar), virial part only (no velocities)\n")
                out.write("tolerance " + TOLERANCE + "\n")
                out.write("elements " + " ".join(elements) + "\n")
                for p in pair:
                    out.write("lammps " + p + "\n")
                out.write("cell %.17g %.17g %.17g\n" % (box, box, box))
                out.write("atoms %d\n" % len(atoms))
                out.write("energy " + energy + "\n")
                out.write("pressure " + " ".join(pressure) + "\n")
                out.write("# id element x y z pe fx fy fz (positions as given to LAMMPS; eV, A, eV/A)\n")
                for (t, x), r in zip(atoms, rows):
                    assert int(r[1]) == t
                    out.write("%s %s %.17g %.17g %.17g %s %s %s %s\n" % (r[0], elements[t - 1], x[0], x[1], x[2],
                                                                         r[5], r[6], r[7], r[8]))
            print("wrote", name + ".golden", "E =", energy)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
