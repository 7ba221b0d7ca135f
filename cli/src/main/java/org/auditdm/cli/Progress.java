package org.auditdm.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on the error stream, redrawn at most a few times per second. */
final class Progress {
    private final PrintWriter err;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private long lastDraw;

    Progress(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** Shows {@code done} of the total, with rate and time left. */
    void update(long done) {
        update(done, "");
    }

    void update(long done, String extra) {
        long now = System.nanoTime();
        // On a terminal redraw in place; in logs (CI, files) print a line every few seconds.
        long every = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastDraw < every && done < total) {
            return;
        }
        lastDraw = now;
        double secs = (now - start) / 1e9;
        double rate = done / Math.max(1e-9, secs);
        double left = rate > 0 ? (total - done) / rate : 0;
        int width = 30;
        int filled = (int) (width * Math.min(1.0, (double) done / total));
        err.printf(Locale.ROOT, (terminal ? "\r" : "") + "%s [%s%s] %d/%d %.0f/s %s left %s" + (terminal ? "" : "%n"), label, "#".repeat(filled),
                " ".repeat(width - filled), done, total, rate, duration(left), extra);
        err.flush();
    }

    void done() {
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
