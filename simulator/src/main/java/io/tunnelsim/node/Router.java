package io.tunnelsim.node;

/** A router: a node that forwards. */
public final class Router extends Node {
    Router(Network network, String name, int index) {
        super(network, name, index, true);
    }
}
