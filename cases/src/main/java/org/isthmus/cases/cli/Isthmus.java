package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code isthmus} command line. Exit codes: 0 success, 1 internal error (a bug: please
 * report), 2 invalid input (bad file, unknown element, bad option), 3 the run failed (did not
 * converge, diverged, could not write results).
 */
@Command(name = "isthmus", mixinStandardHelpOptions = true, versionProvider = Isthmus.Version.class,
        description = "Atomistic (NN-PES) / finite-element coupling for fracture and adhesion.")
public final class Isthmus implements Runnable {

    /**
     * The subcommands, in the order of the usage text. A command line naming one of them builds
     * only that one's model (picocli reads every option of every registered command by
     * reflection: all sixteen cost about 0.35 s of start-up, which a five-second benchmark
     * feels); help, usage and version register them all.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(PredictCommand.class, MdCommand.class,
            RelaxCommand.class, TrainCommand.class, BenchCommand.class, BenchFeCommand.class, DevicesCommand.class,
            VibCommand.class, NebCommand.class, RateCommand.class, ValidateCommand.class, RunCommand.class,
            SchemaCommand.class, StudyCommand.class, CohesiveCommand.class, DimerCommand.class,
            CommandLine.HelpCommand.class);

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;
    public static final int RUN_FAILED = 3;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: with only the subcommand they name (the first
     * argument that is not an option), or with all of them if they name none or ask for help.
     */
    static CommandLine commandLine(String[] arguments) {
        String named = null;
        for (String a : arguments) {
            if (!a.startsWith("-")) {
                named = a;
                break;
            }
        }
        Class<?> only = null;
        for (Class<?> c : SUBCOMMANDS) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(named)) {
                only = c;
            }
        }
        CommandLine cl = new CommandLine(new Isthmus());
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(c);
            }
        }
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof InvalidInputException || ex instanceof UnsupportedRequestException
                    || ex instanceof org.isthmus.continuum.InvalidInputException
                    || ex instanceof org.isthmus.continuum.UnsupportedRequestException) {
                err.println("isthmus: error: " + ex.getMessage());
                return INVALID_INPUT;
            }
            if (ex instanceof ConvergenceException || ex instanceof org.isthmus.continuum.ConvergenceException
                    || ex instanceof UncheckedIOException) {
                err.println("isthmus: run failed: " + ex.getMessage());
                return RUN_FAILED;
            }
            err.println("isthmus: internal error: " + ex);
            StackTraceElement[] st = ex.getStackTrace();
            if (st.length > 0) {
                err.println("  at " + st[0] + " (run with ISTHMUS_DEBUG=1 for the full trace; please report it)");
            }
            if (System.getenv("ISTHMUS_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("isthmus: error: " + ex.getMessage());
            err.println("(see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return INVALID_INPUT;
        });
        return cl;
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Isthmus.class.getPackage().getImplementationVersion();
            return new String[] {"isthmus " + (v == null ? "development build" : v)};
        }
    }
}
