package org.isthmus.atomistic.potential.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The potential contract for the tabulated funcfl Cu (Foiles, Baskes, Daw 1986, Cu_u3.eam), and LAMMPS's fcc figure. */
class EamFuncflContractTest extends PotentialContract {

    static final Element CU = Element.of("Cu");
    private static EamPotential cu;

    static synchronized EamPotential cuU3() {
        if (cu == null) {
            cu = EamPotential.readFuncfl(SharedData.require("potentials/Cu_u3.eam"));
        }
        return cu;
    }

    @Override
    protected Potential potential() {
        return cuU3();
    }

    /**
     * Cu_u3.eam's density and Z tables reach zero with a finite slope at 4.97 Å, just beyond the
     * file's cutoff 4.95 Å: the published potential (and LAMMPS with it) has a force step of about
     * 0.012 eV/Å there.
     */
    @Override
    protected double tolCutoffForceJump() {
        return 0.02;
    }

    @Override
    protected Configuration periodicSample() {
        return rattle(Lattices.fcc(CU, 3.615, 2, 2, 2), 0.12, 3);
    }

    @Override
    protected Configuration clusterSample() {
        return rattle(Lattices.fcc(CU, 3.615, 2, 1, 1).withCell(Cell.none()), 0.15, 7);
    }

    @Test
    void fccCopperAtTheLammpsFigure() {
        // LAMMPS 29 Sep 2021, Cu_u3.eam, perfect fcc a = 3.615 Å: −3.5400 eV/atom (shared/potentials/README.md)
        Configuration c = Lattices.fcc(CU, 3.615, 3, 3, 3);
        assertEquals(-3.5400, cuU3().compute(c).energy() / c.size(), 5e-5);
    }
}
