package org.isthmus.atomistic.potential.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The potential contract for the tabulated setfl Cu–Ni alloy (Onat, Durukanoglu 2014, CuNi.eam.alloy). */
class EamSetflContractTest extends PotentialContract {

    static final Element CU = Element.of("Cu");
    static final Element NI = Element.of("Ni");
    private static EamPotential cuni;

    static synchronized EamPotential cuNi() {
        if (cuni == null) {
            cuni = EamPotential.readSetfl(SharedData.require("potentials/CuNi.eam.alloy"));
        }
        return cuni;
    }

    @Override
    protected Potential potential() {
        return cuNi();
    }

    /**
     * CuNi.eam.alloy's Ni density table drops from 9.4e-6 to 0 over its last interval (at the
     * cutoff 6.394 Å): the published potential (and LAMMPS with it) has a force step of about
     * 0.005 eV/Å there.
     */
    @Override
    protected double tolCutoffForceJump() {
        return 0.01;
    }

    @Override
    protected Configuration periodicSample() {
        Configuration c = Lattices.fcc(CU, 3.57, 2, 2, 2);
        Element[] s = c.species();
        for (int i = 0; i < s.length; i += 2) {
            s[i] = NI;
        }
        return rattle(Configuration.of(s, c.positions(), c.cell()), 0.12, 3);
    }

    @Override
    protected Configuration clusterSample() {
        Configuration c = Lattices.fcc(NI, 3.57, 2, 1, 1);
        Element[] s = c.species();
        s[2] = CU;
        s[5] = CU;
        return rattle(Configuration.of(s, c.positions(), Cell.none()), 0.15, 7);
    }

    @Test
    void speciesComeFromTheFileInFileOrder() {
        assertEquals(List.of(NI, CU), cuNi().elements());
        assertEquals(6.394332378, cuNi().cutoff(), 1e-12);
    }
}
