package io.tunnelsim.report;

import java.util.Objects;

/**
 * A rendered chart for the HTML report.
 *
 * @param fileName file name next to the report, e.g. {@code convergence.png}
 * @param caption  one sentence saying what the chart shows
 * @param png      the PNG bytes
 */
public record Figure(String fileName, String caption, byte[] png) {
    public Figure {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(png, "png");
    }
}
