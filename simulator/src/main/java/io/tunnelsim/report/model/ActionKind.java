package io.tunnelsim.report.model;

/** What a timeline action does to the network; decides how charts mark it. */
public enum ActionKind {
    /** Carrier loss, silent failure, node crash, impairment: something breaks. */
    FAILURE,
    /** Restore of an earlier failure. */
    RESTORATION,
    /** Anything else worth marking (configuration change, traffic start). */
    OTHER
}
