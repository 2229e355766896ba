package org.isthmus.coupling.model;

import java.util.Locale;

import org.isthmus.coupling.handshake.Ramp;

/**
 * Benchmark of acceptance test 6 (issue 6), second part: the reflected energy fraction of a
 * longitudinal wave packet crossing from the atomistic region into the continuum of a
 * quasi-one-dimensional Cu-like Lennard-Jones bar ({@link WaveBar}), for wavelengths 5, 10, 20
 * and 40 lattice parameters, a sharp interface and linear and cubic blending at two handshake
 * widths, on a mesh of element length a throughout and on one graded from a at the interface to
 * 2a; with the reflection expected from the dispersion mismatch of the lattice and the
 * finite-element chain alone ({@link #dispersionReflection}). Prints a Markdown table.
 *
 * <p>Run (after {@code mvn -q -B -o -pl atomistic,continuum,coupling test-compile}), from the
 * repository root, with the test classpath of the coupling module:
 * <pre>
 * mvn -q -B -o -pl coupling dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "atomistic/target/classes:atomistic/target/test-classes:continuum/target/classes:coupling/target/classes:coupling/target/test-classes:$(cat /tmp/cp.txt)" \
 *     org.isthmus.coupling.model.WaveReflectionBench [wavelengths in a, default 5 10 20 40]
 * </pre>
 * (the module directories come before the dependency jars so that the freshly compiled classes,
 * not isthmus jars installed in ~/.m2, are used).
 */
public final class WaveReflectionBench {
    /** Packet amplitude (Å): strain amplitude A k ≤ 0.7 %, the linear regime. */
    static final double AMPLITUDE = 0.02;
    /**
     * Time step (fs) for a wavelength of l lattice parameters: 4 fs below 40 a, 8 fs from 40 a, at
     * most a twentieth of the packet's period (≈ 60 fs at 5 a) and well inside the stability
     * limit 2/ω_max ≈ 30 fs of the lattice.
     */
    static double timeStep(double l) {
        return l < 40 ? 4 : 8;
    }

    private WaveReflectionBench() {
    }

    /**
     * The energy reflection coefficient expected from dispersion alone at the interface between
     * the lattice (a chain of (100) planes, spacing d = a/2, nearest-plane coupling) and a chain of
     * linear elements of length h with lumped masses, at the frequency of wavenumber k in the
     * lattice: R = ((k_h − k)/(k_h + k))², from the impedance Z = ρ ω / k of a medium with
     * frequency-dependent modulus (dimensionless). Dispersion: lattice ω = (2 c₀/d) sin(k d/2)
     * (Born–von Kármán chain; Ashcroft &amp; Mermin, <i>Solid State Physics</i>, eq. 22.30), elements
     * ω = (2 c₀/h) sin(k_h h/2) (a chain of linear elements with lumped masses is the mass–spring
     * chain of spacing h, springs E/h and masses ρh per area, so the same relation with d → h).
     * 1 where ω exceeds the elements' cut-off 2 c₀/h (total reflection).
     */
    static double dispersionReflection(double k, double a, double h) {
        double d = 0.5 * a;
        double omegaOverC = 2 / d * Math.sin(0.5 * k * d); // ω/c₀ (1/Å)
        double arg = 0.5 * omegaOverC * h;
        if (arg >= 1) {
            return 1;
        }
        double kh = 2 / h * Math.asin(arg); // 1/Å
        double r = (kh - k) / (kh + k);
        return r * r;
    }

    public static void main(String[] args) {
        WaveBar.Crystal c = WaveBar.Crystal.lennardJones();
        double a = c.a();
        double[] lambdas = args.length == 0 ? new double[] {5, 10, 20, 40}
                : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        System.out.printf(Locale.ROOT, "Cu-like Lennard-Jones, a = %.4f Å, r_c = %.1f Å, C11 = %.4f eV/Å³, ρ = %.4f amu/Å³,"
                + " c0 = %.5f Å/fs; A = %.3f Å, envelope s = %.2f λ%n", a, c.potential().cutoff(), c.c()[0],
                c.density(), c.soundSpeed(), AMPLITUDE, WaveBar.ENVELOPE);
        System.out.println("| λ/a | ramp | w/a | atoms | R (h = a) | spread | R (graded to 2a) | spread | R disp. h=a | R disp. h=2a | |ΔH|/E₀ | s |");
        System.out.println("|-----|------|-----|-------|-----------|--------|------------------|--------|-------------|--------------|---------|---|");
        Object[][] blends = {{Ramp.SHARP, 0.0}, {Ramp.LINEAR, 2.0}, {Ramp.LINEAR, 4.0}, {Ramp.CUBIC, 2.0}, {Ramp.CUBIC, 4.0}};
        for (double l : lambdas) {
            double k = 2 * Math.PI / (l * a);
            for (Object[] b : blends) {
                Ramp r = (Ramp) b[0];
                double w = (Double) b[1] * a;
                WaveBar.Reflection uni = WaveBar.reflection(c, c.linear(), l * a, r, w, a, AMPLITUDE, timeStep(l));
                WaveBar.Reflection gr = WaveBar.reflection(c, c.linear(), l * a, r, w, 2 * a, AMPLITUDE, timeStep(l));
                System.out.printf(Locale.ROOT, "| %.0f | %s | %.0f | %d | %.2e | %.0e | %.2e | %.0e | %.1e | %.1e | %.1e | %.0f |%n", l,
                        r.name().toLowerCase(Locale.ROOT), w / a, uni.atoms(), uni.fraction(), uni.relativeSpread(),
                        gr.fraction(), gr.relativeSpread(),
                        dispersionReflection(k, a, a), dispersionReflection(k, a, 2 * a),
                        Math.max(uni.energyError(), gr.energyError()), uni.seconds() + gr.seconds());
            }
        }
    }
}
