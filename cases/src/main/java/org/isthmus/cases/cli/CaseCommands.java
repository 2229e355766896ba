package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;

/**
 * The exit-code rule of the case-file commands (validate, run, study), applied inside the
 * commands so that they give the documented codes also when run on their own
 * ({@code new CommandLine(new RunCommand()).execute(…)}): 2 for invalid input (every problem of
 * a case file listed), 3 for a run that failed; other exceptions are bugs and go on to the
 * command line's handler.
 */
final class CaseCommands {
    private CaseCommands() {
    }

    static int guarded(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (InvalidInputException | UnsupportedRequestException | org.isthmus.continuum.InvalidInputException
                | org.isthmus.continuum.UnsupportedRequestException e) {
            err.println("isthmus: error: " + e.getMessage());
            err.flush();
            return Isthmus.INVALID_INPUT;
        } catch (ConvergenceException | org.isthmus.continuum.ConvergenceException | UncheckedIOException e) {
            err.println("isthmus: run failed: " + e.getMessage());
            err.flush();
            return Isthmus.RUN_FAILED;
        }
    }
}
