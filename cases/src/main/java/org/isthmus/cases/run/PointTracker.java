package org.isthmus.cases.run;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.minimize.EnergyModel;

/**
 * An {@link EnergyModel} that passes every call to another and remembers the points it was
 * evaluated at since the last {@link #pointWithEnergy} call, so that a minimisation observer
 * (which sees only the iteration's energy) can find the iteration's point: the most recent
 * evaluated point whose energy is bit for bit the reported one. Minimisers report the energy
 * they evaluated at the accepted point, so the match is exact. Buffers are reused.
 */
final class PointTracker implements EnergyModel {

    private final EnergyModel model;
    private final List<double[]> points = new ArrayList<>();
    private double[] energies = new double[8];
    private int count;

    PointTracker(EnergyModel model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public double energy(double[] x) {
        return remember(x, model.energy(x));
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradOut) {
        return remember(x, model.energyAndGradient(x, gradOut));
    }

    @Override
    public double forceNorm(double[] grad) {
        return model.forceNorm(grad);
    }

    @Override
    public double stepNorm(double[] step) {
        return model.stepNorm(step);
    }

    @Override
    public String forceUnit() {
        return model.forceUnit();
    }

    @Override
    public String lengthUnit() {
        return model.lengthUnit();
    }

    /**
     * A copy of the most recent point evaluated since the previous call whose energy has the
     * bits of {@code e}, or null if there is none; then forgets the points.
     */
    double[] pointWithEnergy(double e) {
        double[] found = null;
        long bits = Double.doubleToRawLongBits(e);
        for (int i = count - 1; i >= 0; i--) {
            if (Double.doubleToRawLongBits(energies[i]) == bits) {
                found = points.get(i).clone();
                break;
            }
        }
        count = 0;
        return found;
    }

    private double remember(double[] x, double e) {
        if (count == points.size()) {
            points.add(new double[x.length]);
        }
        if (count == energies.length) {
            energies = java.util.Arrays.copyOf(energies, 2 * count);
        }
        System.arraycopy(x, 0, points.get(count), 0, x.length);
        energies[count++] = e;
        return e;
    }
}
