package org.isthmus.cases.cli;

import java.util.concurrent.Callable;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.saddle.ReactionPath;
import org.isthmus.atomistic.structure.Configuration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus neb}: the minimum-energy path and barrier between two states. */
@Command(name = "neb", mixinStandardHelpOptions = true,
        description = {"Minimum-energy path and barrier between two states (climbing-image nudged elastic band).",
            "The end states are relaxed first. Prints the energy profile and the barriers; exit 3 if the band does not"
                + " converge."})
final class NebCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    NebOptions neb;

    @Option(names = "--quiet", description = "no progress display")
    boolean quiet;

    @Override
    public Integer call() {
        Potential potential = potentialOptions.load();
        Request request = Request.defaults().withThreads(potentialOptions.threads);
        Configuration[] ends = neb.ends(potential, potentialOptions, request);
        ReactionPath path = neb.search(potential, ends[0], ends[1], request, quiet);
        neb.report(path, ends[0]);
        if (!path.converged()) {
            throw new org.isthmus.atomistic.ConvergenceException("the band did not converge: " + path.status());
        }
        return Isthmus.OK;
    }
}
