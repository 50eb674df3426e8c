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
    private final long showAfterNs;
    private final long started = System.nanoTime();
    private boolean shown;
    private int lastPercent = -1;

    Progress(String label, boolean quiet) {
        this(System.err, label, !quiet && System.console() != null, SHOW_AFTER_NS);
    }

    /** A bar on {@code err}, shown when {@code enabled} once {@code showAfterNs} have passed (tests: 0). */
    Progress(PrintStream err, String label, boolean enabled, long showAfterNs) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.showAfterNs = showAfterNs;
    }

    /** A consumer when the bar can show, else null (callers skip progress work entirely). */
    DoubleConsumer orNull() {
        return enabled ? this : null;
    }

    @Override
    public synchronized void accept(double fraction) {
        if (!enabled || System.nanoTime() - started < showAfterNs) {
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

    /** Ends the bar's line, so that whatever is printed next starts on a line of its own. */
    @Override
    public void close() {
        if (shown) {
            err.println();
        }
    }
}
