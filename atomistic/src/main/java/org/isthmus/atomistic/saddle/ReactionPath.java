package org.isthmus.atomistic.saddle;

/**
 * A converged (or not) minimum-energy path: the images from start to end (both included), their
 * energies, the reaction coordinate (cumulative distance along the band, model length unit), the
 * index of the highest image (the saddle when the band climbed), and the largest nudged force
 * left on an image. Barriers are relative to the start and to the end. Immutable; arrays are
 * copies.
 */
public final class ReactionPath {

    private final double[][] images;
    private final double[] energies;
    private final double[] coordinate;
    private final int saddle;
    private final double residual;
    private final boolean converged;
    private final String status;

    ReactionPath(double[][] images, double[] energies, double residual, boolean converged, String status) {
        this.images = new double[images.length][];
        for (int i = 0; i < images.length; i++) {
            this.images[i] = images[i].clone();
        }
        this.energies = energies.clone();
        this.coordinate = new double[images.length];
        for (int i = 1; i < images.length; i++) {
            coordinate[i] = coordinate[i - 1] + distance(images[i], images[i - 1]);
        }
        int top = 0;
        for (int i = 1; i < energies.length; i++) {
            if (energies[i] > energies[top]) {
                top = i;
            }
        }
        this.saddle = top;
        this.residual = residual;
        this.converged = converged;
        this.status = status;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    /** Number of images, end points included. */
    public int size() {
        return images.length;
    }

    /** Image i's coordinates (a copy). */
    public double[] image(int i) {
        return images[i].clone();
    }

    /** Energies of the images (a copy). */
    public double[] energies() {
        return energies.clone();
    }

    /** Cumulative distance along the band at each image (a copy). */
    public double[] reactionCoordinate() {
        return coordinate.clone();
    }

    /** Index of the highest image. */
    public int saddleIndex() {
        return saddle;
    }

    /** Energy of the highest image. */
    public double saddleEnergy() {
        return energies[saddle];
    }

    /** E_saddle − E_start. */
    public double forwardBarrier() {
        return energies[saddle] - energies[0];
    }

    /** E_saddle − E_end. */
    public double backwardBarrier() {
        return energies[saddle] - energies[energies.length - 1];
    }

    /** Largest nudged force norm on an interior image at the end. */
    public double residualForce() {
        return residual;
    }

    /** Whether the nudged forces fell below the tolerance. */
    public boolean converged() {
        return converged;
    }

    /** One line on how the search ended. */
    public String status() {
        return status;
    }
}
