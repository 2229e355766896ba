package org.isthmus.atomistic.analysis;

import org.isthmus.atomistic.Units;

/**
 * The volumetric thermal expansion coefficient α_P = (1/V)(∂V/∂T)_P (1/K) with its statistical
 * error, two ways:
 * <ul>
 * <li>{@link #fromFluctuations}: from one isothermal–isobaric run, α_P = ⟨δV δH⟩ / (k_B T² ⟨V⟩)
 * with the instantaneous enthalpy H = K + U + P₀V (Allen &amp; Tildesley, Computer Simulation of
 * Liquids, 2nd ed., 2017, eq. 2.84); the error from blocking the products (Flyvbjerg &amp;
 * Petersen 1989). Momenta are independent of V in the NPT ensemble, so K may be left out of H
 * (less noise, same mean).</li>
 * <li>{@link #fromVolumes}: from mean volumes at several temperatures, the weighted least-squares
 * line V(T) = V₀ + s T, α = s / V(T̄), the error from the fit's covariance.</li>
 * </ul>
 * Volumes Å³, energies eV, temperatures K. Immutable.
 */
public final class ThermalExpansion {

    private final double value;
    private final double error;

    private ThermalExpansion(double value, double error) {
        this.value = value;
        this.error = error;
    }

    /**
     * α_P from volumes V (Å³) and enthalpies H (eV) sampled together along an NPT run at T (K):
     * the mean of y_n = (V_n − V̄)(H_n − H̄) / (k_B T² V̄), error by {@link BlockAverage} on y.
     */
    public static ThermalExpansion fromFluctuations(double[] volumes, double[] enthalpies, double temperature) {
        if (volumes.length != enthalpies.length) {
            throw new IllegalArgumentException("need as many enthalpies as volumes, got " + enthalpies.length + " and "
                    + volumes.length);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 K, got " + temperature);
        }
        int n = volumes.length;
        double mv = 0;
        double mh = 0;
        for (int i = 0; i < n; i++) {
            mv += volumes[i];
            mh += enthalpies[i];
        }
        mv /= n;
        mh /= n;
        double scale = Units.BOLTZMANN * temperature * temperature * mv;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (volumes[i] - mv) * (enthalpies[i] - mh) / scale;
        }
        BlockAverage b = BlockAverage.of(y);
        double unbiased = (double) n / (n - 1);
        return new ThermalExpansion(b.mean() * unbiased, b.error() * unbiased);
    }

    /**
     * α_P from mean volumes {@code v} (Å³) with standard errors {@code errors} at temperatures
     * {@code t} (K): weighted least squares (weights 1/error²) of V = V₀ + s T, α = s / V(T̄) at the
     * weighted mean temperature T̄; error σ_s / V(T̄). At least two temperatures.
     */
    public static ThermalExpansion fromVolumes(double[] t, double[] v, double[] errors) {
        if (t.length != v.length || t.length != errors.length || t.length < 2) {
            throw new IllegalArgumentException("need ≥ 2 temperatures with one volume and one error each");
        }
        double sw = 0;
        double st = 0;
        double sv = 0;
        for (int i = 0; i < t.length; i++) {
            if (!(errors[i] > 0)) {
                throw new IllegalArgumentException("volume errors must be positive, got " + errors[i]);
            }
            double w = 1 / (errors[i] * errors[i]);
            sw += w;
            st += w * t[i];
            sv += w * v[i];
        }
        double tBar = st / sw;
        double vBar = sv / sw;
        double stt = 0;
        double stv = 0;
        for (int i = 0; i < t.length; i++) {
            double w = 1 / (errors[i] * errors[i]);
            stt += w * (t[i] - tBar) * (t[i] - tBar);
            stv += w * (t[i] - tBar) * (v[i] - vBar);
        }
        if (!(stt > 0)) {
            throw new IllegalArgumentException("need at least two different temperatures");
        }
        // weighted least-squares slope and its standard error (e.g. Press et al., Numerical Recipes, 3rd ed., §15.2)
        double slope = stv / stt;
        double slopeError = Math.sqrt(1 / stt);
        return new ThermalExpansion(slope / vBar, slopeError / vBar);
    }

    /** α_P (1/K). */
    public double value() {
        return value;
    }

    /** Its standard error (1/K). */
    public double error() {
        return error;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "α_P = %.4g ± %.2g 1/K", value, error);
    }
}
