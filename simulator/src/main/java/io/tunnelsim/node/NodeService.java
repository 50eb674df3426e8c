package io.tunnelsim.node;

/**
 * Something a node runs (a routing protocol, keepalives, probes, IP SLA). Started when the
 * simulation starts and after a crashed node is restored; stopped when the node crashes,
 * which must cancel its timers and forget its dynamic state.
 */
public interface NodeService {
    void start();

    void stop();

    /** Called after any interface of the node changed state or address. */
    default void interfaceChanged(Interface itf) {
    }
}
