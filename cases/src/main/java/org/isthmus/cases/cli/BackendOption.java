package org.isthmus.cases.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.opencl.OpenClDevice;
import org.isthmus.atomistic.opencl.OpenClDevices;
import org.isthmus.atomistic.opencl.OpenClException;
import org.isthmus.atomistic.opencl.OpenClNnpPotential;
import org.isthmus.atomistic.potential.Potential;

import picocli.CommandLine.Option;

/**
 * The {@code --backend auto|java|opencl} and {@code --device SPEC} options, a picocli mixin for
 * every command that takes a potential, and the rule that applies them: {@link #apply} returns the
 * potential to use.
 * <ul>
 * <li>{@code java} (the default): the potential as loaded.</li>
 * <li>{@code opencl}: an NN-PES on the OpenCL device {@code --device} names ({@code auto}: a GPU
 *     if any, else a CPU device such as PoCL); any failure (not an NN-PES, no device, no double
 *     precision, an unsupported symmetry-function type) is an error with its reason.</li>
 * <li>{@code auto}: as {@code opencl} where that works; otherwise the Java backend, with one
 *     warning line saying why (an NN-PES only: other potentials have only the Java backend, and
 *     stay there without a word).</li>
 * </ul>
 */
public final class BackendOption {

    /** The backends. */
    public enum Backend { AUTO, JAVA, OPENCL }

    @Option(names = "--backend", paramLabel = "B", defaultValue = "java",
            description = "where the NN-PES is evaluated: java (default), opencl, or auto (OpenCL if a device "
                    + "with double precision is there, else Java with a warning)")
    String backend = "java";

    @Option(names = "--device", paramLabel = "SPEC", defaultValue = "auto",
            description = "OpenCL device: auto (a GPU if any, else a CPU device such as PoCL; default), "
                    + "P:D (platform and device index, see 'isthmus devices') or a name substring")
    String device = "auto";

    /** The parsed backend. */
    public Backend backend() {
        try {
            return Backend.valueOf(backend.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--backend must be auto, java or opencl, got '" + backend + "'");
        }
    }

    /**
     * The options set programmatically (for the case-file fields {@code backend} and {@code device},
     * and for embedding).
     *
     * @throws InvalidInputException for a backend other than auto, java, opencl
     */
    public static BackendOption of(String backendName, String deviceSpec) {
        BackendOption o = new BackendOption();
        o.backend = backendName == null ? "java" : backendName;
        o.device = deviceSpec == null ? "auto" : deviceSpec;
        o.backend();
        return o;
    }

    /** {@link #apply(Potential, PrintStream)} with warnings to standard error. */
    public Potential apply(Potential p) {
        return apply(p, System.err);
    }

    /**
     * The potential to use for {@code p} under these options.
     *
     * @param warnings where {@code auto} writes its one-line warning when it falls back to Java
     * @throws UnsupportedRequestException for {@code opencl} when the potential or the machine
     *         cannot serve it (the message says why)
     */
    public Potential apply(Potential p, PrintStream warnings) {
        Backend b = backend();
        if (b == Backend.JAVA || p instanceof OpenClNnpPotential) {
            return p;
        }
        if (!(p instanceof NnpPotential nnp)) {
            if (b == Backend.OPENCL) {
                throw new UnsupportedRequestException("--backend opencl serves NN-PES (n2p2) potentials only; "
                        + p.name() + " has only the Java backend (use --backend java or auto)");
            }
            return p;
        }
        try {
            OpenClDevice d = OpenClDevices.choose(device);
            if (d == null) {
                String why = OpenClDevices.list().isEmpty() ? OpenClDevices.unavailableReason()
                        : "no OpenCL device has cl_khr_fp64 double precision";
                throw new OpenClException("no usable OpenCL device: " + why);
            }
            return new OpenClNnpPotential(nnp, d);
        } catch (UnsupportedRequestException e) {
            if (b == Backend.OPENCL) {
                throw e;
            }
            warnings.println("isthmus: warning: --backend auto: " + firstLine(e.getMessage())
                    + "; using the Java backend");
            return p;
        }
    }

    private static String firstLine(String s) {
        int k = s.indexOf('\n');
        return k < 0 ? s : s.substring(0, k).trim();
    }
}
