package io.tunnelsim.node;

/** An end host: a node that does not forward; it runs probe applications. */
public final class Host extends Node {
    Host(Network network, String name, int index) {
        super(network, name, index, false);
    }
}
