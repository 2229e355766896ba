package org.isthmus.cases.run.slurm;

/**
 * What a command-line tool returned: its exit status and everything it wrote.
 *
 * @param exit the exit status (0: success)
 * @param out  standard output
 * @param err  standard error
 */
public record CommandResult(int exit, String out, String err) {

    /** The error output without the tools' {@code "sbatch: error: "} prefixes, one line, or the exit status. */
    public String problem() {
        StringBuilder b = new StringBuilder();
        for (String line : err.split("\n")) {
            String s = line.replaceFirst("^\\s*\\w+: (error|fatal): ", "").strip();
            if (!s.isEmpty()) {
                b.append(b.length() == 0 ? "" : "; ").append(s);
            }
        }
        return b.length() == 0 ? "exit status " + exit : b.toString();
    }
}
