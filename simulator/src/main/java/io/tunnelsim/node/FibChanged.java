package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.event.NetEvent;

/**
 * A node's IPv4 FIB entry for a prefix was added, changed or removed. Published only while
 * something subscribes to it.
 *
 * @param before the entry before, null when it was added
 * @param after  the entry after, null when it was removed
 */
public record FibChanged(long timeNs, String node, Ipv4Prefix prefix, FibEntry before, FibEntry after) implements NetEvent {
}
