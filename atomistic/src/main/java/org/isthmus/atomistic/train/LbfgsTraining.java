package org.isthmus.atomistic.train;

import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationObserver;
import org.isthmus.atomistic.minimize.MinimizationResult;

/**
 * Full-batch training by L-BFGS ({@link Lbfgs}): the weights are the coordinates of an
 * {@link EnergyModel} whose energy is the mean loss over the training set and whose gradient is
 * the exact loss gradient. Deterministic.
 */
public final class LbfgsTraining {

    private LbfgsTraining() {
    }

    /** The loss as an energy model over the parameters. */
    public static EnergyModel model(Loss loss) {
        int n = loss.data().size();
        int[] all = new int[n];
        for (int k = 0; k < n; k++) {
            all[k] = k;
        }
        int dim = loss.data().layout().parameterCount();
        return new EnergyModel() {
            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public double energy(double[] x) {
                return loss.evaluate(x, all, null).loss() / n;
            }

            @Override
            public double energyAndGradient(double[] x, double[] gradOut) {
                double l = loss.evaluate(x, all, gradOut).loss() / n;
                for (int q = 0; q < gradOut.length; q++) {
                    gradOut[q] /= n;
                }
                return l;
            }
        };
    }

    /**
     * Minimises the mean loss from {@code start} for at most {@code iterations} iterations, or until
     * the largest gradient component falls below {@code tolerance}; the step is capped at
     * {@code maxStep} per parameter.
     */
    public static MinimizationResult minimize(Loss loss, double[] start, int iterations, double tolerance,
            double maxStep, MinimizationObserver observer) {
        Lbfgs l = Lbfgs.defaults().withMaxIterations(iterations).withTolerance(tolerance).withMaxStep(maxStep);
        return l.minimize(model(loss), start, observer);
    }
}
