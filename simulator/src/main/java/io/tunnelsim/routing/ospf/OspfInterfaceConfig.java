package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Authentication;
import java.util.Objects;

/**
 * OSPF settings of one interface, as {@code ip ospf ...} commands would give them.
 *
 * @param area the area the interface belongs to
 * @param cost the interface cost 1..65535, or 0 for reference bandwidth / interface bandwidth
 * @param helloInterval seconds (default 10)
 * @param deadInterval seconds (default 40)
 * @param networkType the network type, or null for the default (tunnels and loopbacks
 *        point-to-point, Ethernet broadcast)
 * @param priority router priority for DR election, 0..255 (0: never DR or BDR)
 * @param passive advertise the subnet but send no hellos and form no adjacency
 * @param authentication null authentication (AuType 0, the default), a simple password (AuType
 *        1, up to 8 characters; {@code ip ospf authentication} + {@code authentication-key}) or
 *        keyed MD5 (AuType 2, RFC 2328 §D.4.3; {@code ip ospf authentication message-digest} +
 *        {@code message-digest-key ID md5 KEY}, up to 16 characters)
 * @param retransmitInterval RxmtInterval in seconds, 1..65535 (RFC 2328 App. C: 5 s; IOS
 *        {@code ip ospf retransmit-interval})
 * @param transmitDelay InfTransDelay in seconds, 1..65535, added to the age of every LSA sent
 *        (RFC 2328 App. C: 1 s; IOS {@code ip ospf transmit-delay})
 * @param helloMultiplier IOS fast hellos ({@code ip ospf dead-interval minimal hello-multiplier N}, N 3..20):
 *        N hellos a second, RouterDeadInterval 1 s and HelloInterval 0 in the hellos sent, so routers with
 *        different multipliers agree; 0 = off (hellos every {@code helloInterval} seconds)
 */
public record OspfInterfaceConfig(Ipv4Address area, int cost, int helloInterval, int deadInterval,
                                  NetworkType networkType, int priority, boolean passive, Authentication authentication,
                                  int retransmitInterval, int transmitDelay, int helloMultiplier) {
    public static final int DEFAULT_HELLO = 10;
    public static final int DEFAULT_DEAD = 40;
    public static final int DEFAULT_RETRANSMIT = 5;
    public static final int DEFAULT_TRANSMIT_DELAY = 1;
    /** IOS {@code hello-multiplier} range. */
    public static final int MIN_HELLO_MULTIPLIER = 3;
    public static final int MAX_HELLO_MULTIPLIER = 20;

    public OspfInterfaceConfig {
        Objects.requireNonNull(area, "area");
        if (cost < 0 || cost > 0xffff) {
            throw new IllegalArgumentException("OSPF cost " + cost + " is outside 0-65535 (0 = from bandwidth)");
        }
        if (helloMultiplier != 0) {
            if (helloMultiplier < MIN_HELLO_MULTIPLIER || helloMultiplier > MAX_HELLO_MULTIPLIER) {
                throw new IllegalArgumentException("hello multiplier " + helloMultiplier + " is outside 3-20");
            }
            if (helloInterval != 0 || deadInterval != 1) {
                throw new IllegalArgumentException("fast hellos put hello 0 and dead 1 on the wire");
            }
        } else if (helloInterval < 1 || helloInterval > 0xffff) {
            throw new IllegalArgumentException("hello interval " + helloInterval + " is outside 1-65535 s");
        }
        if (deadInterval < 1) {
            throw new IllegalArgumentException("dead interval " + deadInterval + " must be at least 1 s");
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0-255");
        }
        if (retransmitInterval < 1 || retransmitInterval > 0xffff || transmitDelay < 1 || transmitDelay > 0xffff) {
            throw new IllegalArgumentException("OSPF retransmit interval and transmit delay must be 1-65535 s");
        }
        Objects.requireNonNull(authentication, "authentication");
        if (authentication.mode() == Authentication.Mode.SIMPLE && authentication.key().length() > 8) {
            throw new IllegalArgumentException("OSPF simple password longer than 8 characters");
        }
    }

    /** Defaults in {@code area}: automatic cost, hello 10 s, dead 40 s, default network type, priority 1. */
    public static OspfInterfaceConfig inArea(Ipv4Address area) {
        return new OspfInterfaceConfig(area, 0, DEFAULT_HELLO, DEFAULT_DEAD, null, 1, false, Authentication.NONE, DEFAULT_RETRANSMIT,
                DEFAULT_TRANSMIT_DELAY, 0);
    }

    /** Same as {@link #inArea(Ipv4Address)}; the area as a dotted quad or a decimal number. */
    public static OspfInterfaceConfig inArea(String area) {
        return inArea(parseArea(area));
    }

    /** Parses an area ID written as a dotted quad ({@code 0.0.0.1}) or a decimal number ({@code 1}). */
    public static Ipv4Address parseArea(String area) {
        if (area.indexOf('.') < 0) {
            try {
                return new Ipv4Address((int) Long.parseLong(area.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + area + "' is not an area ID (write 0, 1 or 0.0.0.1)");
            }
        }
        return Ipv4Address.parse(area);
    }

    public OspfInterfaceConfig withCost(int c) {
        return new OspfInterfaceConfig(area, c, helloInterval, deadInterval, networkType, priority, passive, authentication, retransmitInterval,
                transmitDelay, helloMultiplier);
    }

    /** Hello and dead intervals in seconds; turns fast hellos off. */
    public OspfInterfaceConfig withTimers(int hello, int dead) {
        return new OspfInterfaceConfig(area, cost, hello, dead, networkType, priority, passive, authentication, retransmitInterval,
                transmitDelay, 0);
    }

    /** IOS {@code ip ospf dead-interval minimal hello-multiplier n}: dead 1 s, n hellos a second, hello 0 on the wire. */
    public OspfInterfaceConfig withFastHello(int n) {
        return new OspfInterfaceConfig(area, cost, 0, 1, networkType, priority, passive, authentication, retransmitInterval,
                transmitDelay, n);
    }

    /** Nanoseconds between two hellos sent (before jitter). */
    public long helloPeriodNanos() {
        return helloMultiplier > 0 ? SimTime.SECOND / helloMultiplier : helloInterval * SimTime.SECOND;
    }

    public OspfInterfaceConfig withNetworkType(NetworkType t) {
        return new OspfInterfaceConfig(area, cost, helloInterval, deadInterval, t, priority, passive, authentication, retransmitInterval,
                transmitDelay, helloMultiplier);
    }

    public OspfInterfaceConfig withPriority(int p) {
        return new OspfInterfaceConfig(area, cost, helloInterval, deadInterval, networkType, p, passive, authentication, retransmitInterval,
                transmitDelay, helloMultiplier);
    }

    public OspfInterfaceConfig withPassive(boolean p) {
        return new OspfInterfaceConfig(area, cost, helloInterval, deadInterval, networkType, priority, p, authentication, retransmitInterval,
                transmitDelay, helloMultiplier);
    }

    public OspfInterfaceConfig withPassword(String pw) {
        return withAuthentication(pw == null ? Authentication.NONE : Authentication.simple(pw));
    }

    public OspfInterfaceConfig withAuthentication(Authentication a) {
        return new OspfInterfaceConfig(area, cost, helloInterval, deadInterval, networkType, priority, passive, a, retransmitInterval,
                transmitDelay, helloMultiplier);
    }

    /** The simple password, or null when the interface does not use simple authentication. */
    public String password() {
        return authentication.mode() == Authentication.Mode.SIMPLE ? authentication.key() : null;
    }

    /** RxmtInterval and InfTransDelay in seconds ({@code ip ospf retransmit-interval}, {@code transmit-delay}). */
    public OspfInterfaceConfig withRetransmit(int rxmt, int delay) {
        return new OspfInterfaceConfig(area, cost, helloInterval, deadInterval, networkType, priority, passive, authentication, rxmt,
                delay, helloMultiplier);
    }
}
