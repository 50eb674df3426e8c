package io.tunnelsim.topology;

/** A position in an input file; line and column are 1-based. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
