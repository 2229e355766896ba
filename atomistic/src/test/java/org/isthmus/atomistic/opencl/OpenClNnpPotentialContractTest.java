package org.isthmus.atomistic.opencl;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The potential contract for the Cu2S_PBE NN-PES on OpenCL, with the samples of the Java
 * backend's contract test: a rattled 12-atom periodic antifluorite Cu2S cell and a cluster cut
 * from the monoclinic crystal. Skipped with the reason where no OpenCL device exists (failing
 * under CI=true).
 */
class OpenClNnpPotentialContractTest extends PotentialContract {

    @Override
    protected Potential potential() {
        return OpenClTesting.opencl("Cu2S_PBE");
    }

    @Override
    protected Configuration periodicSample() {
        return rattle(OpenClTesting.antifluorite(5.6, 1), 0.1, 5);
    }

    @Override
    protected Configuration clusterSample() {
        return OpenClTesting.cluster(OpenClTesting.structure("Cu2S_PBE"), 5, 4.0);
    }
}
