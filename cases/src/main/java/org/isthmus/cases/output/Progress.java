package org.isthmus.cases.output;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long loop, on standard error: a bar with an estimate of the time left, redrawn in
 * place when stderr is a terminal; otherwise one line at every 10 %. Silent when quiet.
 */
public final class Progress {

    private final String label;
    private final long total;
    private final boolean quiet;
    private final boolean terminal;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;

    public Progress(String label, long total, boolean quiet) {
        this(label, total, quiet, System.console() != null, System.err);
    }

    Progress(String label, long total, boolean quiet, boolean terminal, PrintStream out) {
        this.label = label;
        this.total = Math.max(1, total);
        this.quiet = quiet;
        this.terminal = terminal;
        this.out = out;
    }

    /** Reports that {@code done} of the total units are complete, with an optional status text. */
    public void update(long done, String status) {
        if (quiet) {
            return;
        }
        double frac = Math.min(1.0, (double) done / total);
        double elapsed = (System.nanoTime() - startNanos) * 1e-9;
        String eta = done > 0 ? formatSeconds(elapsed * (1 - frac) / frac) : "?";
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) Math.round(frac * width);
            out.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%  %s left  %s", label, "#".repeat(filled),
                    " ".repeat(width - filled), 100 * frac, eta, status == null ? "" : status);
            out.flush();
        } else {
            int decile = (int) Math.floor(frac * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.printf(Locale.ROOT, "%s %3.0f%% (%s left) %s%n", label, 100 * frac, eta, status == null ? "" : status);
            }
        }
    }

    /** Ends the bar (a newline on a terminal). */
    public void finish() {
        if (!quiet && terminal) {
            out.println();
        }
    }

    static String formatSeconds(double s) {
        if (s < 90) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 5400) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
