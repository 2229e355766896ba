package org.isthmus.atomistic.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.structure.Configuration;

/**
 * An oracle that runs an external program (a DFT or tight-binding code, LAMMPS, a script around
 * them): for each configuration it makes a fresh work directory, writes the structure there as
 * extended XYZ ({@code input.xyz}), runs the command in that directory, and reads the energy
 * (eV) and forces (eV/Å) back from the extended XYZ file {@code output.xyz} that the command
 * must write ({@code energy=…} and a {@code forces:R:3} column, the same atoms in the same order;
 * optionally {@code stress=…} in eV/Å³ or {@code virial=…} in eV, which the loss's virial term uses).
 * The command is a list of arguments (no shell unless you ask for one, e.g. {@code sh -c "…"});
 * its standard output and error go to {@code log.txt} in the work directory, which is kept for
 * inspection. A non-zero exit, a time-out or a missing or malformed output is an error naming the
 * work directory.
 */
public final class CommandOracle implements Oracle {

    private final List<String> command;
    private final Path workRoot;
    private final long timeoutSeconds;
    private int calls;

    /**
     * @param command        program and arguments
     * @param workRoot       directory under which {@code call-0001}, {@code call-0002}, … are made
     * @param timeoutSeconds the longest one call may take
     */
    public CommandOracle(List<String> command, Path workRoot, long timeoutSeconds) {
        if (command.isEmpty()) {
            throw new InvalidInputException("an external-command oracle needs a command");
        }
        this.command = List.copyOf(command);
        this.workRoot = workRoot;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String name() {
        return "command " + String.join(" ", command);
    }

    /** How many times the command has run. */
    public synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized Configuration label(Configuration c) {
        calls++;
        Path work = workRoot.resolve(String.format("call-%04d", calls));
        try {
            Files.createDirectories(work);
            ExtendedXyz.write(work.resolve("input.xyz"), List.of(c.withReference(null, null)));
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("log.txt").toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InvalidInputException(work.toString(), 0, "the oracle command did not finish within "
                        + timeoutSeconds + " s: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new InvalidInputException(work.toString(), 0, "the oracle command exited with status "
                        + p.exitValue() + " (see log.txt there): " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the oracle command in " + work + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the oracle command", e);
        }
        Path out = work.resolve("output.xyz");
        if (!Files.isRegularFile(out)) {
            throw new InvalidInputException(out.toString(), 0, "the oracle command wrote no output.xyz (expected "
                    + "extended XYZ with energy= and forces:R:3)");
        }
        List<Configuration> frames = ExtendedXyz.read(out);
        if (frames.isEmpty() || frames.get(frames.size() - 1).size() != c.size()) {
            throw new InvalidInputException(out.toString(), 0, "expected a frame of " + c.size() + " atoms, found "
                    + (frames.isEmpty() ? "none" : frames.get(frames.size() - 1).size() + " atoms"));
        }
        Configuration r = frames.get(frames.size() - 1);
        if (r.referenceEnergy().isEmpty() || !r.hasReferenceForces()) {
            throw new InvalidInputException(out.toString(), 0, "the last frame lacks energy= or a forces column");
        }
        for (int i = 0; i < c.size(); i++) {
            if (r.species(i) != c.species(i)) {
                throw new InvalidInputException(out.toString(), 0, "atom " + (i + 1) + " is " + r.species(i)
                        + " but the structure sent had " + c.species(i));
            }
        }
        return c.withReference(r.referenceEnergy().getAsDouble(), r.referenceForces(), r.referenceVirial());
    }

}
