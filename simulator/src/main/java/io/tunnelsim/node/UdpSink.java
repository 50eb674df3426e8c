package io.tunnelsim.node;

import io.tunnelsim.wire.Bytes;
import java.util.HashMap;
import java.util.Map;

/**
 * The receiving end of UDP probe flows on a host: reads the flow identifier and sequence
 * number from each datagram's payload and records its arrival.
 */
public final class UdpSink {
    private final Map<Integer, ProbeFlow> flows = new HashMap<>();

    public UdpSink(Node host, int port) {
        host.ipv4().registerUdp(port, (in, p, hl) -> {
            int at = p.offset() + hl + 8;
            if (p.length() - hl - 8 < ProbeFlow.UDP_HEADER_DATA) {
                host.counters().drop(ProbeDrop.PROBE_TRUNCATED);
                return;
            }
            byte[] b = p.array();
            ProbeFlow f = flows.get((int) Bytes.u32(b, at));
            if (f == null) {
                host.counters().drop(ProbeDrop.PROBE_UNKNOWN_FLOW);
                return;
            }
            f.udpReceived(Bytes.i32(b, at + 4), host.scheduler().now());
        });
    }

    public void add(ProbeFlow f) {
        flows.put(f.id(), f);
    }
}
