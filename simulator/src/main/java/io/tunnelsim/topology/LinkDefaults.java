package io.tunnelsim.topology;

import io.tunnelsim.sim.SimTime;

/**
 * Link parameters used where a link does not set its own.
 *
 * @param delayNs       one-way propagation delay
 * @param bandwidthBps  serialisation rate, bits per second
 * @param mtu           IP MTU in bytes
 * @param loss          random loss probability 0..1 per frame
 * @param queuePackets  transmit queue length in packets (tail drop)
 */
public record LinkDefaults(long delayNs, long bandwidthBps, int mtu, double loss, int queuePackets) {

    /** Built-in defaults: 1 ms, 100 Mbps, MTU 1500, no loss, 100 packets. */
    public static final LinkDefaults BUILT_IN = new LinkDefaults(SimTime.millis(1), 100_000_000L, 1500, 0.0, 100);
}
