package io.tunnelsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * A progress bar on stderr, shown only on a terminal, only without {@code --quiet}, and only
 * once the work has taken more than a second of wall-clock time.
 */
final class Progress implements DoubleConsumer, AutoCloseable {
    private static final long SHOW_AFTER_NS = 1_000_000_000L;
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private boolean shown;
    private int lastPercent = -1;

    Progress(String label, boolean quiet) {
        this.err = System.err;
        this.label = label;
        this.enabled = !quiet && System.console() != null;
    }

    /** A consumer when the bar can show, else null (callers skip progress work entirely). */
    DoubleConsumer orNull() {
        return enabled ? this : null;
    }

    @Override
    public synchronized void accept(double fraction) {
        if (!enabled || System.nanoTime() - started < SHOW_AFTER_NS) {
            return;
        }
        int percent = (int) Math.round(Math.min(1, fraction) * 100);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        shown = true;
        int width = 30;
        int full = percent * width / 100;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%", label, "#".repeat(full), " ".repeat(width - full), percent));
        err.flush();
    }

    @Override
    public void close() {
        if (shown) {
            err.println();
        }
    }
}
