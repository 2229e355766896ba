package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in (ISTHMUS_CP2K=1; needs the Debian packages cp2k and cp2k-data; minutes, not seconds):
 * the command oracle around CP2K (examples/cp2k/cp2k-oracle.sh) labels a rattled 8-atom silicon
 * cell with PBE energies and forces, and the forces are the derivative of the energies (central
 * difference of two more calculations, 0.01 Å, within the 300 Ry grid error): the oracle's units
 * and signs are right. About 20 s per calculation on a quiet 2-core machine.
 */
class Cp2kOracleTest {

    static final Path SCRIPT = Path.of("..", "examples", "cp2k", "cp2k-oracle.sh").toAbsolutePath().normalize();

    @Test
    void pbeForcesAreTheDerivativeOfTheEnergy(@TempDir Path work) {
        assumeTrue("1".equals(System.getenv("ISTHMUS_CP2K")), "opt-in: set ISTHMUS_CP2K=1 to run CP2K (minutes)");
        assumeTrue(Files.isRegularFile(SCRIPT), "no " + SCRIPT);
        CommandOracle cp2k = new CommandOracle(List.of("sh", SCRIPT.toString()), work, 3600);
        Configuration c = Lattices.diamond(Element.of("Si"), 5.431, 1, 1, 1);
        double[] p = c.positions();
        p[0] += 0.05;
        p[4] -= 0.03;
        Configuration x = cp2k.label(c.withPositions(p));
        double[] f = x.referenceForces();
        double e = x.referenceEnergy().getAsDouble();
        assertTrue(e / 8 < -100 && e / 8 > -110, "PBE/GTH energy per Si atom ≈ −105.8 eV, got " + e / 8);
        double sum = 0;
        for (int k = 0; k < f.length; k += 3) {
            sum += f[k];
        }
        assertEquals(0, sum, 1e-3, "forces sum to zero");
        double h = 0.01;
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[0] += h;
        minus[0] -= h;
        double ep = cp2k.label(c.withPositions(plus)).referenceEnergy().getAsDouble();
        double em = cp2k.label(c.withPositions(minus)).referenceEnergy().getAsDouble();
        // GPW at 300 Ry is not exactly translation invariant (grid "egg-box" error): measured
        // F = −0.477 eV/Å against −0.523 eV/Å from the energies, 9 %; a unit or sign error would be
        // off by a factor of ~50 or 2 (raise CP2K_CUTOFF for closer agreement)
        double fd = -(ep - em) / (2 * h);
        assertEquals(fd, f[0], 0.12 * Math.abs(fd), "F_x of atom 1 against the energy difference");
    }
}
