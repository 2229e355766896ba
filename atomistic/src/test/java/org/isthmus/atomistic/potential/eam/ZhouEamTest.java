package org.isthmus.atomistic.potential.eam;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;

/** The potential contract for the analytic Zhou–Johnson–Wadley Cu–Ag alloy (mixed pair by the ZJW mixing rule). */
class ZhouEamTest extends PotentialContract {

    static final Element CU = Element.of("Cu");
    static final Element AG = Element.of("Ag");
    static final EamPotential CUAG = ZhouEam.of(CU, AG);

    @Override
    protected Potential potential() {
        return CUAG;
    }

    @Override
    protected Configuration periodicSample() {
        Configuration c = Lattices.fcc(CU, 3.85, 2, 2, 2);
        Element[] s = c.species();
        for (int i = 0; i < s.length; i += 3) {
            s[i] = AG;
        }
        return rattle(Configuration.of(s, c.positions(), c.cell()), 0.12, 3);
    }

    @Override
    protected Configuration clusterSample() {
        Configuration c = Lattices.fcc(CU, 3.85, 2, 1, 1);
        Element[] s = c.species();
        s[1] = AG;
        s[6] = AG;
        return rattle(Configuration.of(s, c.positions(), Cell.none()), 0.15, 7);
    }
}
