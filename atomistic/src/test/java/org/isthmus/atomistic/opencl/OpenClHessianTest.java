package org.isthmus.atomistic.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Hessian;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL backend's Hessian (computed on the host by the Java backend) equals the Java
 * backend's to round-off, plain and with site weights, and agrees with central differences of the
 * device's own forces (h = 1e-5 Å), so device forces and host second derivatives describe one
 * energy. Cu2S_PBE on a rattled 12-atom antifluorite cell.
 */
class OpenClHessianTest {

    @Test
    void hessianEqualsJavaBackendAndDifferencesOfDeviceForces() {
        OpenClNnpPotential ocl = OpenClTesting.opencl("Cu2S_PBE");
        NnpPotential java = OpenClTesting.java("Cu2S_PBE");
        assertTrue(ocl.hasHessian());
        Configuration c = OpenClTesting.rattle(OpenClTesting.antifluorite(5.6, 1), 0.15, 5);
        double[] w = new double[c.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 3 == 0 ? 0.0 : 0.5 + 0.1 * i;
        }
        for (Request r : new Request[] {Request.defaults(), Request.defaults().withWeights(w)}) {
            Hessian ho = ocl.hessian(c, r);
            Hessian hj = java.hessian(c, r);
            double worst = 0;
            double scale = 0;
            for (int k = 0; k < 3 * c.size(); k++) {
                for (int l = 0; l < 3 * c.size(); l++) {
                    worst = Math.max(worst, Math.abs(ho.get(k, l) - hj.get(k, l)));
                    scale = Math.max(scale, Math.abs(hj.get(k, l)));
                }
            }
            assertTrue(scale > 1e-3, "Hessian too small to check: " + scale);
            assertTrue(worst <= 1e-12 * scale, "OpenCL vs Java Hessian: " + worst + " of " + scale);
        }
        // the device's forces, differenced, against the host's Hessian (6 columns: 2 atoms)
        Request r = Request.defaults();
        Hessian h = ocl.hessian(c, r);
        double[] x = c.positions();
        double step = 1e-5;
        double worst = 0;
        double scale = 0;
        for (int l = 0; l < 6; l++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[l] += step;
            xm[l] -= step;
            double[] fp = ocl.compute(c.withPositions(xp), r).forces();
            double[] fm = ocl.compute(c.withPositions(xm), r).forces();
            for (int k = 0; k < x.length; k++) {
                double fd = -(fp[k] - fm[k]) / (2 * step);
                worst = Math.max(worst, Math.abs(fd - h.get(k, l)));
                scale = Math.max(scale, Math.abs(h.get(k, l)));
            }
        }
        System.out.printf("OpenCL Hessian vs differences of device forces: max |H − H_fd| = %.2e of %.2e eV/Å²%n",
                worst, scale);
        assertTrue(worst < 1e-8 * scale, "|H − H_fd| = " + worst + " of " + scale);
    }
}
