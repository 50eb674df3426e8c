package io.tunnelsim.topology;

/**
 * A module section that defines tracked objects by number, so that a static route's
 * {@code track: N} can be checked against the node's tracks when the node is read.
 */
public interface TrackNumbers {

    /** Whether the section defines track {@code number}. */
    boolean defines(int number);
}
