package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.List;
import java.util.Objects;

/**
 * An OSPF Hello packet body (RFC 2328 §A.3.2).
 *
 * @param helloInterval seconds, 0..65535
 * @param options the Options field (§A.2), e.g. {@link OspfCodec#OPTION_E}
 * @param routerPriority 0..255; 0 means never DR
 * @param routerDeadInterval seconds, unsigned 32-bit
 * @param designatedRouter interface address of the DR, 0.0.0.0 when none
 * @param backupDesignatedRouter interface address of the BDR, 0.0.0.0 when none
 * @param neighbors router IDs of neighbours heard from within the dead interval
 */
public record OspfHello(Ipv4Address networkMask, int helloInterval, int options, int routerPriority,
                        long routerDeadInterval, Ipv4Address designatedRouter, Ipv4Address backupDesignatedRouter,
                        List<Ipv4Address> neighbors) implements OspfMessage {

    public OspfHello {
        Objects.requireNonNull(networkMask, "networkMask");
        Objects.requireNonNull(designatedRouter, "designatedRouter");
        Objects.requireNonNull(backupDesignatedRouter, "backupDesignatedRouter");
        if (helloInterval < 0 || helloInterval > 0xffff || options < 0 || options > 0xff
                || routerPriority < 0 || routerPriority > 0xff) {
            throw new IllegalArgumentException("hello interval/options/priority out of range");
        }
        if (routerDeadInterval < 0 || routerDeadInterval > 0xffff_ffffL) {
            throw new IllegalArgumentException("dead interval " + routerDeadInterval);
        }
        neighbors = List.copyOf(neighbors);
    }

    @Override
    public int type() {
        return HELLO;
    }
}
