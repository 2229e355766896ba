#!/bin/sh
# An Isthmus CommandOracle around CP2K (Debian packages cp2k and cp2k-data): PBE energies and
# forces of a periodic cell, GTH pseudopotentials, DZVP-MOLOPT-SR basis, plane-wave cutoff 300 Ry,
# Gamma point. Reads input.xyz (extended XYZ with Lattice=, as Isthmus writes it) in the current
# directory and writes output.xyz with energy (eV) and forces (eV/Å), as CommandOracle expects.
#
# Use from a training config (oracle.yaml):   command: [sh, /path/to/cp2k-oracle.sh]
# Settings by environment: CP2K (the executable, default: first of cp2k.psmp cp2k.ssmp cp2k),
# CP2K_CUTOFF (Ry, default 300), CP2K_DATA (default /usr/share/cp2k).
set -eu
HARTREE_EV=27.211386245988
BOHR_A=0.529177210903
exe=${CP2K:-}
if [ -z "$exe" ]; then
  for c in cp2k.psmp cp2k.ssmp cp2k; do
    if command -v "$c" >/dev/null 2>&1; then exe=$c; break; fi
  done
fi
[ -n "$exe" ] || { echo "cp2k-oracle: no CP2K executable (install the Debian package cp2k, or set CP2K)" >&2; exit 2; }
data=${CP2K_DATA:-/usr/share/cp2k}
cutoff=${CP2K_CUTOFF:-300}
[ -f input.xyz ] || { echo "cp2k-oracle: no input.xyz in $(pwd)" >&2; exit 2; }

# cell vectors and coordinates from the extended XYZ header and body
awk -v data="$data" -v cutoff="$cutoff" '
NR == 1 { n = $1; next }
NR == 2 {
  if (match($0, /Lattice="[^"]*"/) == 0) { print "cp2k-oracle: input.xyz has no Lattice= (CP2K needs a periodic cell)" > "/dev/stderr"; exit 2 }
  split(substr($0, RSTART + 9, RLENGTH - 10), L, " ")
  next
}
NR <= n + 2 { sym[NR - 2] = $1; x[NR - 2] = $2; y[NR - 2] = $3; z[NR - 2] = $4; kinds[$1] = 1 }
END {
  print "&GLOBAL\n  PROJECT isthmus\n  RUN_TYPE ENERGY_FORCE\n  PRINT_LEVEL MEDIUM\n&END GLOBAL"
  print "&FORCE_EVAL\n  METHOD Quickstep\n  &PRINT\n    &FORCES ON\n    &END FORCES\n  &END PRINT\n  &DFT"
  print "    BASIS_SET_FILE_NAME " data "/BASIS_MOLOPT\n    POTENTIAL_FILE_NAME " data "/GTH_POTENTIALS"
  print "    &MGRID\n      CUTOFF " cutoff "\n      REL_CUTOFF 50\n    &END MGRID"
  print "    &SCF\n      EPS_SCF 1.0E-8\n      MAX_SCF 100\n      &OT\n        MINIMIZER DIIS\n      &END OT\n    &END SCF"
  print "    &XC\n      &XC_FUNCTIONAL PBE\n      &END XC_FUNCTIONAL\n    &END XC\n  &END DFT\n  &SUBSYS\n    &CELL"
  printf "      A %s %s %s\n      B %s %s %s\n      C %s %s %s\n    &END CELL\n    &COORD\n", L[1], L[2], L[3], L[4], L[5], L[6], L[7], L[8], L[9]
  for (i = 1; i <= n; i++) printf "      %s %s %s %s\n", sym[i], x[i], y[i], z[i]
  print "    &END COORD"
  for (k in kinds) print "    &KIND " k "\n      BASIS_SET DZVP-MOLOPT-SR-GTH\n      POTENTIAL GTH-PBE\n    &END KIND"
  print "  &END SUBSYS\n&END FORCE_EVAL"
}' input.xyz > cp2k.inp

"$exe" -i cp2k.inp -o cp2k.out

# energy (Hartree) and forces (Hartree/bohr) back into extended XYZ in eV and eV/Å
awk -v H="$HARTREE_EV" -v B="$BOHR_A" '
FNR == NR {
  if ($0 ~ /ENERGY\| Total FORCE_EVAL/) energy = $NF
  if ($0 ~ /ATOMIC FORCES in/) { inforces = 1; skip = 2; next }
  if (inforces) {
    if (skip > 0) { skip--; next }
    if ($0 ~ /SUM OF ATOMIC FORCES/ || NF < 6) { inforces = 0; next }
    m++; fx[m] = $4; fy[m] = $5; fz[m] = $6
  }
  next
}
FNR == 1 { n = $1; if (energy == "" || m != n) { print "cp2k-oracle: no energy or forces in cp2k.out" > "/dev/stderr"; exit 3 } print n; next }
FNR == 2 {
  lat = ""; if (match($0, /Lattice="[^"]*"/)) lat = substr($0, RSTART, RLENGTH)
  printf "%s Properties=species:S:1:pos:R:3:forces:R:3 energy=%.10f pbc=\"T T T\"\n", lat, energy * H
  next
}
FNR <= n + 2 { i = FNR - 2; printf "%s %s %s %s %.10f %.10f %.10f\n", $1, $2, $3, $4, fx[i] * H / B, fy[i] * H / B, fz[i] * H / B }
' cp2k.out input.xyz > output.xyz.partial
mv output.xyz.partial output.xyz
