package org.isthmus.coupling.model;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import org.isthmus.continuum.material.Material;

/**
 * Test device for patch tests: a material that memoises W and P by F rounded to 1e-12. In a
 * homogeneous deformation every quadrature point has the same F up to round-off (~1e-16), but
 * not bitwise, so an exact cache misses and each point costs a full Cauchy–Born cell
 * evaluation; this memo returns the value of the first F seen in the same 1e-12 bucket. The
 * error it makes is at most |A| · 1e-12 in P (about 1e-12 eV/Å³, i.e. ~1e-10 eV/Å on a node),
 * far below every figure the patch tests assert. Never used outside tests.
 */
final class HomogeneousMemo implements Material {
    private static final double BUCKET = 1e-12;
    private final Material material;
    private final ConcurrentHashMap<Key, double[]> memo = new ConcurrentHashMap<>();

    HomogeneousMemo(Material material) {
        this.material = material;
    }

    private record Key(long[] q) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(q, k.q);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(q);
        }
    }

    private double[] lookup(double[] f) {
        long[] q = new long[9];
        for (int k = 0; k < 9; k++) {
            q[k] = Math.round(f[k] / BUCKET);
        }
        return memo.computeIfAbsent(new Key(q), key -> {
            double[] r = new double[10];
            r[9] = material.stress(f, r);
            return r;
        });
    }

    @Override
    public double energy(double[] f) {
        return lookup(f)[9];
    }

    @Override
    public double stress(double[] f, double[] p) {
        double[] r = lookup(f);
        System.arraycopy(r, 0, p, 0, 9);
        return r[9];
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        return material.tangent(f, p, a);
    }
}
