package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.LoopbackInterface;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.sim.Timer;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfHello;
import io.tunnelsim.wire.OspfLinkStateAck;
import io.tunnelsim.wire.OspfLinkStateUpdate;
import io.tunnelsim.wire.OspfMessage;
import io.tunnelsim.wire.OspfNetworkLsa;
import io.tunnelsim.wire.OspfPacket;
import io.tunnelsim.wire.OspfRouterLsa;
import io.tunnelsim.wire.Authentication;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * An OSPF interface (RFC 2328 §9): the interface state machine, hellos and their parameter
 * checks (§10.5), Designated Router election on broadcast networks (§9.4), and the packet
 * sending the neighbours and the flooding procedure use (delayed acknowledgments, LSUs and
 * acknowledgments split to the interface MTU).
 *
 * <p>The state machine is {@link State} × {@link Event} → {@link #handle}: InterfaceUp leads to
 * Loopback, PointToPoint, Waiting (broadcast, priority above 0) or DROther (priority 0);
 * WaitTimer and BackupSeen end Waiting with an election; NeighborChange re-runs the election;
 * InterfaceDown kills every neighbour.
 *
 * <p>Flooded LSAs are queued per interface and sent in shared updates, paced at least
 * {@link #FLOOD_PACING} apart; the first update after a quiet period leaves at once.
 *
 * <p>Simplifications: a passive interface goes to state PointToPoint or DR without neighbours
 * (as routers show it) and only contributes a stub link; LoopInd/UnloopInd are not modelled.
 */
public final class OspfInterface {

    /** Interface states (§9.1). */
    public enum State {
        DOWN("DOWN"), LOOPBACK("LOOP"), WAITING("WAITING"), POINT_TO_POINT("P2P"), DR_OTHER("DROTHER"),
        BACKUP("BDR"), DR("DR");

        private final String display;

        State(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    /** Interface events (§9.2). */
    public enum Event {
        INTERFACE_UP, WAIT_TIMER, BACKUP_SEEN, NEIGHBOR_CHANGE, INTERFACE_DOWN
    }

    /**
     * Flood pacing, as routers do it (33 ms by default on IOS): after a Link State Update went
     * out of the interface, LSAs flooded within this interval wait and share the next one.
     */
    static final long FLOOD_PACING = 33 * SimTime.MILLISECOND;

    private final OspfProcess process;
    private final OspfArea area;
    private final Interface itf;
    private final OspfInterfaceConfig config;
    private final NetworkType type;
    private final int cost;
    private final long helloInterval;
    private final long deadInterval;
    private final List<OspfNeighbor> neighbors = new ArrayList<>();
    private final Timer helloTimer;
    private final Timer waitTimer;
    private final Timer ackTimer;
    private final List<LsaHeader> delayedAcks = new ArrayList<>();
    private final List<Lsa> pendingFlood = new ArrayList<>();
    /** Keyed MD5 (RFC 2328 §D.4.3): digest engine, padded key, scratch digest; null without MD5. */
    private final MessageDigest md5;
    private final byte[] md5Key;
    private final byte[] md5Scratch;
    private long cryptoSequence;
    private io.tunnelsim.sim.Event floodFlush;
    private long lastFloodSent = Long.MIN_VALUE;
    private State state = State.DOWN;
    private int dr;
    private int bdr;
    private boolean alive = true;
    /** Packets sent, by OSPF type (index 1..5). */
    public final long[] sent = new long[6];
    /** Packets received and accepted by the interface checks, by OSPF type. */
    public final long[] received = new long[6];

    OspfInterface(OspfProcess process, OspfArea area, Interface itf, OspfInterfaceConfig config, NetworkType type,
                  int cost) {
        this.process = process;
        this.area = area;
        this.itf = itf;
        this.config = config;
        this.type = type;
        this.cost = cost;
        this.helloInterval = config.helloPeriodNanos();
        this.deadInterval = config.deadInterval() * SimTime.SECOND;
        this.helloTimer = process.node().scheduler().timer(this::helloTick);
        this.waitTimer = process.node().scheduler().timer(() -> handle(Event.WAIT_TIMER));
        this.ackTimer = process.node().scheduler().timer(this::sendDelayedAcks);
        boolean md = config.authentication().mode() == Authentication.Mode.MD5;
        this.md5 = md ? Authentication.newMd5() : null;
        this.md5Key = md ? config.authentication().paddedKey(Authentication.MD5_KEY_LENGTH) : null;
        this.md5Scratch = md ? new byte[Authentication.DIGEST_LENGTH] : null;
    }

    public Interface itf() {
        return itf;
    }

    public State state() {
        return state;
    }

    public NetworkType type() {
        return type;
    }

    public int cost() {
        return cost;
    }

    public Ipv4Address areaId() {
        return area.id();
    }

    OspfArea area() {
        return area;
    }

    OspfProcess process() {
        return process;
    }

    OspfInterfaceConfig config() {
        return config;
    }

    long retransmitNanos() {
        return config.retransmitInterval() * SimTime.SECOND;
    }

    long deadIntervalNanos() {
        return deadInterval;
    }

    /** Interface address bits (0 when unnumbered). */
    int address() {
        return itf.ipv4Bits();
    }

    /** Designated Router's interface address bits (0 when none). */
    public int dr() {
        return dr;
    }

    public int bdr() {
        return bdr;
    }

    public List<OspfNeighbor> neighbors() {
        return java.util.Collections.unmodifiableList(neighbors);
    }

    /** The neighbour list itself, for the flooding loops (read only, not changed while iterated). */
    List<OspfNeighbor> neighborList() {
        return neighbors;
    }

    boolean isPassive() {
        return config.passive();
    }

    // ------------------------------------------------------------------ state machine

    void start() {
        if (itf.isUp() && itf.ipv4() != null) {
            handle(Event.INTERFACE_UP);
        }
    }

    void interfaceUp() {
        handle(Event.INTERFACE_UP);
    }

    void interfaceDown() {
        handle(Event.INTERFACE_DOWN);
    }

    /** The interface state machine (§9.3). */
    void handle(Event ev) {
        switch (ev) {
            case INTERFACE_UP -> {
                if (state != State.DOWN) {
                    return;
                }
                if (itf instanceof LoopbackInterface) {
                    setState(State.LOOPBACK);
                    return;
                }
                if (type == NetworkType.POINT_TO_POINT) {
                    setState(State.POINT_TO_POINT);
                } else if (config.passive()) {
                    dr = address();
                    setState(State.DR);
                } else if (config.priority() == 0) {
                    setState(State.DR_OTHER);
                } else {
                    setState(State.WAITING);
                    waitTimer.start(deadInterval);
                }
                if (!config.passive()) {
                    helloTimer.start(0);
                }
            }
            case WAIT_TIMER, BACKUP_SEEN -> {
                if (state == State.WAITING) {
                    waitTimer.cancel();
                    electDr();
                }
            }
            case NEIGHBOR_CHANGE -> {
                if (state == State.DR || state == State.BACKUP || state == State.DR_OTHER) {
                    electDr();
                }
            }
            case INTERFACE_DOWN -> {
                if (state == State.DOWN) {
                    return;
                }
                // The interface is Down before its neighbours are killed, so the Router-LSA their
                // removal originates no longer lists the interface's links (§12.4: the LSA
                // describes the interface states after the event, not before).
                stopTimers();
                dr = 0;
                bdr = 0;
                state = State.DOWN;
                for (OspfNeighbor n : new ArrayList<>(neighbors)) {
                    n.kill("Interface down or detached");
                }
                process.interfaceStateChanged();
                area.originateNetworkLsa(this);
            }
            default -> throw new IllegalStateException(ev.toString());
        }
    }

    private void setState(State s) {
        State old = state;
        state = s;
        if (old != s) {
            process.interfaceStateChanged();
            area.originateNetworkLsa(this);
        }
    }

    private void stopTimers() {
        helloTimer.cancel();
        waitTimer.cancel();
        ackTimer.cancel();
        delayedAcks.clear();
        pendingFlood.clear();
        if (floodFlush != null) {
            floodFlush.cancel();
            floodFlush = null;
        }
    }

    /** Process stop (node crash): forget everything silently. */
    void shutdown() {
        alive = false;
        for (OspfNeighbor n : neighbors) {
            n.cancelTimers();
        }
        neighbors.clear();
        stopTimers();
        state = State.DOWN;
    }

    void removeNeighbor(OspfNeighbor n) {
        neighbors.remove(n);
    }

    /** A neighbour crossed the 2-Way boundary or changed its full state. */
    void neighborStateChanged(OspfNeighbor n, OspfNeighbor.State old, OspfNeighbor.State now) {
        boolean wasTwoWay = old.compareTo(OspfNeighbor.State.TWO_WAY) >= 0;
        boolean isTwoWay = now.compareTo(OspfNeighbor.State.TWO_WAY) >= 0;
        // The election runs first (§9.4 on NeighborChange), then the LSAs are originated from
        // its outcome (§12.4). Originating first would describe a LAN whose DR just died as a
        // stub network, and MinLSInterval would hold the corrected LSA back for 5 s.
        if (wasTwoWay != isTwoWay && type == NetworkType.BROADCAST) {
            handle(Event.NEIGHBOR_CHANGE);
        }
        if ((old == OspfNeighbor.State.FULL) != (now == OspfNeighbor.State.FULL)) {
            area.originateRouterLsa();
            if (state == State.DR) {
                area.originateNetworkLsa(this);
            }
        }
    }

    // ------------------------------------------------------------------ DR election (§9.4)

    private record Candidate(int routerId, int priority, int address, int declaredDr, int declaredBdr) {
        boolean betterThan(Candidate o) {
            if (priority != o.priority) {
                return priority > o.priority;
            }
            return Integer.compareUnsigned(routerId, o.routerId) > 0;
        }
    }

    private void electDr() {
        int oldDr = dr;
        int oldBdr = bdr;
        int me = address();
        boolean wasDr = oldDr == me;
        boolean wasBdr = oldBdr == me;
        elect();
        boolean isDr = dr == me;
        boolean isBdr = bdr == me;
        if (isDr != wasDr || isBdr != wasBdr) {
            elect();
        }
        State s = dr == me ? State.DR : bdr == me ? State.BACKUP : State.DR_OTHER;
        State old = state;
        state = s;
        if (dr != oldDr || bdr != oldBdr) {
            for (OspfNeighbor n : new ArrayList<>(neighbors)) {
                if (n.state().compareTo(OspfNeighbor.State.TWO_WAY) >= 0) {
                    n.adjOk();
                }
            }
        }
        if (old != s || dr != oldDr) {
            process.interfaceStateChanged();
            area.originateNetworkLsa(this);
        }
    }

    private void elect() {
        int me = address();
        List<Candidate> cands = new ArrayList<>();
        if (config.priority() > 0) {
            cands.add(new Candidate(process.routerId().bits(), config.priority(), me, dr, bdr));
        }
        for (OspfNeighbor n : neighbors) {
            if (n.state().compareTo(OspfNeighbor.State.TWO_WAY) >= 0 && n.priority() > 0) {
                cands.add(new Candidate(n.routerId().bits(), n.priority(), n.address(), n.declaredDr(),
                        n.declaredBdr()));
            }
        }
        Candidate newBdr = null;
        boolean declaredBdr = false;
        for (Candidate c : cands) {
            if (c.declaredDr == c.address) {
                continue;
            }
            boolean declares = c.declaredBdr == c.address;
            if (newBdr == null || (declares && !declaredBdr) || (declares == declaredBdr && c.betterThan(newBdr))) {
                newBdr = c;
                declaredBdr = declares;
            }
        }
        Candidate newDr = null;
        for (Candidate c : cands) {
            if (c.declaredDr == c.address && (newDr == null || c.betterThan(newDr))) {
                newDr = c;
            }
        }
        if (newDr == null) {
            newDr = newBdr; // step 3: nobody declares DR; step 4 then fills the BDR on the new DR itself
        }
        dr = newDr == null ? 0 : newDr.address;
        bdr = newBdr == null ? 0 : newBdr.address;
    }

    /** §10.4: whether an adjacency should be formed with {@code n}. */
    boolean shouldFormAdjacency(OspfNeighbor n) {
        if (type == NetworkType.POINT_TO_POINT) {
            return true;
        }
        return state == State.DR || state == State.BACKUP || n.address() == dr || n.address() == bdr;
    }

    // ------------------------------------------------------------------ LSA contributions

    /** This interface's links in the Router-LSA (§12.4.1.1-§12.4.1.4). */
    void addRouterLinks(List<OspfRouterLsa.Link> links) {
        Ipv4Prefix p = itf.ipv4();
        if (state == State.DOWN || p == null) {
            return;
        }
        if (state == State.LOOPBACK) {
            // §12.4.1.1 gives the loopback host route cost 0; IOS (the default) advertises the interface cost, 1 at
            // the default reference bandwidth (loopback bandwidth 8 Gbit/s)
            links.add(new OspfRouterLsa.Link(p.address(), Ipv4Address.BROADCAST, OspfRouterLsa.STUB,
                    process.config().rfcLoopbackCost() ? 0 : cost));
            return;
        }
        if (config.passive()) {
            links.add(OspfArea.stub(p, cost));
            return;
        }
        if (type == NetworkType.POINT_TO_POINT) {
            for (OspfNeighbor n : neighbors) {
                if (n.state() == OspfNeighbor.State.FULL) {
                    links.add(new OspfRouterLsa.Link(n.routerId(), p.address(), OspfRouterLsa.POINT_TO_POINT, cost));
                }
            }
            if (p.length() < 32) {
                links.add(OspfArea.stub(p, cost));
            }
            return;
        }
        boolean transit = false;
        if (state == State.DR) {
            for (OspfNeighbor n : neighbors) {
                if (n.state() == OspfNeighbor.State.FULL) {
                    transit = true;
                    break;
                }
            }
        } else if (state != State.WAITING && dr != 0) {
            OspfNeighbor d = neighborByAddress(dr);
            transit = d != null && d.state() == OspfNeighbor.State.FULL;
        }
        if (transit) {
            links.add(new OspfRouterLsa.Link(new Ipv4Address(dr), p.address(), OspfRouterLsa.TRANSIT, cost));
        } else {
            links.add(OspfArea.stub(p, cost));
        }
    }

    /** The Network-LSA body (§12.4.2) when this router is DR with at least one full neighbour, else null. */
    OspfNetworkLsa buildNetworkLsa() {
        if (state != State.DR || config.passive() || itf.ipv4() == null) {
            return null;
        }
        List<Ipv4Address> attached = new ArrayList<>();
        for (OspfNeighbor n : neighbors) {
            if (n.state() == OspfNeighbor.State.FULL) {
                attached.add(n.routerId());
            }
        }
        if (attached.isEmpty()) {
            return null;
        }
        attached.add(process.routerId());
        attached.sort(null);
        return new OspfNetworkLsa(itf.ipv4().mask(), attached);
    }

    OspfNeighbor neighborByAddress(int address) {
        for (OspfNeighbor n : neighbors) {
            if (n.address() == address) {
                return n;
            }
        }
        return null;
    }

    OspfNeighbor neighborByRouterId(int rid) {
        for (OspfNeighbor n : neighbors) {
            if (n.routerId().bits() == rid) {
                return n;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ receive

    void receive(OspfPacket pkt, int src, int dst) {
        receive(pkt, src, dst, null, 0, 0);
    }

    /**
     * An accepted packet; {@code raw} ({@code rawLen} bytes from {@code rawOff}) is the OSPF
     * packet as received, which keyed-MD5 authentication checks (null: no digest to check).
     */
    void receive(OspfPacket pkt, int src, int dst, byte[] raw, int rawOff, int rawLen) {
        if (config.passive() || state == State.DOWN || state == State.LOOPBACK) {
            return;
        }
        if (dst == OspfCodec.ALL_D_ROUTERS.bits() && state != State.DR && state != State.BACKUP) {
            process.node().counters().drop(OspfDrop.OSPF_NOT_DR);
            return;
        }
        if (!pkt.areaId().equals(area.id())) {
            process.node().counters().drop(OspfDrop.OSPF_AREA_MISMATCH);
            process.log("OSPF-4-ERRRCV", "Received invalid packet: mismatched area ID from " + new Ipv4Address(src)
                    + ", " + itf.displayName() + ", area " + OspfProcess.areaName(pkt.areaId()) + " (ours "
                    + OspfProcess.areaName(area.id()) + ")");
            return;
        }
        if (pkt.routerId().equals(process.routerId())) {
            process.node().counters().drop(OspfDrop.OSPF_OWN_PACKET);
            return;
        }
        if (!authenticated(pkt, src, raw, rawOff, rawLen)) {
            return;
        }
        if (type == NetworkType.BROADCAST && itf.ipv4() != null && !itf.ipv4().contains(src)) {
            process.node().counters().drop(OspfDrop.OSPF_WRONG_SUBNET);
            return;
        }
        int t = pkt.type();
        if (t == OspfMessage.HELLO) {
            received[t]++;
            receiveHello(pkt, (OspfHello) pkt.message(), src);
            return;
        }
        OspfNeighbor n = type == NetworkType.BROADCAST ? neighborByAddress(src)
                : neighborByRouterId(pkt.routerId().bits());
        if (n == null) {
            process.node().counters().drop(OspfDrop.OSPF_UNKNOWN_NEIGHBOR);
            return;
        }
        received[t]++;
        n.receive(pkt.message());
    }

    /**
     * RFC 2328 §8.2 / §D.4: the packet's AuType must be the interface's; a simple password must
     * match; keyed MD5 needs the interface's key ID, a verifying digest and a cryptographic
     * sequence number not below the last one accepted from the neighbour (FRR and IOS accept
     * an equal one). A failure is a counted drop logged as {@code %OSPF-4-ERRRCV}.
     */
    private boolean authenticated(OspfPacket pkt, int src, byte[] raw, int rawOff, int rawLen) {
        Authentication a = config.authentication();
        int expectedAu = switch (a.mode()) {
            case NONE -> OspfPacket.AUTH_NULL;
            case SIMPLE -> OspfPacket.AUTH_SIMPLE;
            case MD5 -> OspfPacket.AUTH_CRYPTOGRAPHIC;
        };
        OspfDrop reason = null;
        String what = null;
        if (pkt.auType() != expectedAu) {
            reason = OspfDrop.OSPF_AUTH_MISMATCH;
            what = "mismatched authentication type from " + new Ipv4Address(src) + ", " + itf.displayName() + ", type R "
                    + pkt.auType() + " C " + expectedAu;
        } else if (expectedAu == OspfPacket.AUTH_SIMPLE && pkt.authentication() != OspfPacket.passwordField(a.key())) {
            reason = OspfDrop.OSPF_AUTH_MISMATCH;
            what = "mismatched authentication key (clear text) from " + new Ipv4Address(src) + ", " + itf.displayName();
        } else if (expectedAu == OspfPacket.AUTH_CRYPTOGRAPHIC) {
            if (pkt.keyId() != a.keyId()) {
                reason = OspfDrop.OSPF_AUTH_BAD_KEY_ID;
                what = "no message digest key " + pkt.keyId() + " on " + itf.displayName() + " for packet from "
                        + new Ipv4Address(src) + " (ours: key " + a.keyId() + ")";
            } else if (raw != null && !OspfCodec.digestVerifies(raw, rawOff, rawLen, md5Key, md5, md5Scratch)) {
                reason = OspfDrop.OSPF_AUTH_BAD_DIGEST;
                what = "mismatched authentication key (message digest key " + a.keyId() + ") from "
                        + new Ipv4Address(src) + ", " + itf.displayName();
            } else {
                OspfNeighbor n = neighborByRouterId(pkt.routerId().bits());
                if (n != null && pkt.cryptoSequence() < n.cryptoSequence) {
                    reason = OspfDrop.OSPF_AUTH_OLD_SEQUENCE;
                    what = "cryptographic sequence number " + pkt.cryptoSequence() + " below " + n.cryptoSequence
                            + " from " + new Ipv4Address(src) + ", " + itf.displayName();
                } else if (n != null) {
                    n.cryptoSequence = pkt.cryptoSequence();
                }
            }
        }
        if (reason == null) {
            return true;
        }
        process.node().counters().drop(reason);
        process.log("OSPF-4-ERRRCV", "Received invalid packet: " + what);
        return false;
    }

    /**
     * The next cryptographic sequence number: the simulated time in seconds, never below the
     * previous one (RFC 2328 §D.3 asks for a non-decreasing number; FRR and IOS base it on
     * the clock too, so that it survives a restart).
     */
    private long nextCryptoSequence() {
        cryptoSequence = Math.max(cryptoSequence, Math.min(0xFFFF_FFFFL, process.now() / SimTime.SECOND));
        return cryptoSequence;
    }

    private void receiveHello(OspfPacket pkt, OspfHello h, int src) {
        Ipv4Prefix p = itf.ipv4();
        boolean maskBad = type == NetworkType.BROADCAST && h.networkMask().bits() != p.maskBits();
        if (h.helloInterval() != config.helloInterval() || h.routerDeadInterval() != config.deadInterval()
                || maskBad) {
            process.node().counters().drop(OspfDrop.OSPF_HELLO_MISMATCH);
            process.log("OSPF-4-ERRRCV", "Received invalid packet: mismatched hello parameters from "
                    + new Ipv4Address(src) + ", dead R " + h.routerDeadInterval() + " C " + config.deadInterval()
                    + ", hello R " + h.helloInterval() + " C " + config.helloInterval() + ", mask R "
                    + h.networkMask() + " C " + p.mask());
            return;
        }
        if ((h.options() & OspfCodec.OPTION_E) != area.options()) {
            // §10.5: the E bit must match the area's ExternalRoutingCapability (both ends stub, or neither)
            process.node().counters().drop(OspfDrop.OSPF_STUB_MISMATCH);
            process.log("OSPF-4-ERRRCV", "Received invalid packet: mismatched Stub/Transit area option bit from "
                    + new Ipv4Address(src) + ", " + itf.displayName() + ", area " + OspfProcess.areaName(area.id())
                    + (area.settings().stub() ? " (ours stub)" : " (ours not stub)"));
            return;
        }
        Ipv4Address rid = pkt.routerId();
        OspfNeighbor n = type == NetworkType.BROADCAST ? neighborByAddress(src) : neighborByRouterId(rid.bits());
        if (n == null) {
            n = new OspfNeighbor(this, rid, src);
            neighbors.add(n);
        }
        int oldPriority = n.priority();
        int oldDr = n.declaredDr();
        int oldBdr = n.declaredBdr();
        n.updateFromHello(rid, src, h.routerPriority(), h.designatedRouter().bits(),
                h.backupDesignatedRouter().bits());
        n.helloReceived();
        boolean twoWay = false;
        int me = process.routerId().bits();
        for (Ipv4Address a : h.neighbors()) {
            if (a.bits() == me) {
                twoWay = true;
                break;
            }
        }
        if (!twoWay) {
            n.oneWayReceived();
            return;
        }
        n.twoWayReceived();
        if (type != NetworkType.BROADCAST) {
            return;
        }
        boolean change = false;
        boolean backupSeen = false;
        if (oldPriority != n.priority()) {
            change = true;
        }
        int d = n.declaredDr();
        int b = n.declaredBdr();
        if (d == src && b == 0 && state == State.WAITING) {
            backupSeen = true;
        } else if ((d == src) != (oldDr == src)) {
            change = true;
        }
        if (b == src && state == State.WAITING) {
            backupSeen = true;
        } else if ((b == src) != (oldBdr == src)) {
            change = true;
        }
        if (backupSeen) {
            handle(Event.BACKUP_SEEN);
        }
        if (change) {
            handle(Event.NEIGHBOR_CHANGE);
        }
    }

    // ------------------------------------------------------------------ send

    private void helloTick() {
        if (!alive || state == State.DOWN) {
            return;
        }
        sendHello();
        helloTimer.start(helloInterval - process.random().nextLong(helloInterval / 10 + 1));
    }

    private void sendHello() {
        List<Ipv4Address> seen = new ArrayList<>(neighbors.size());
        for (OspfNeighbor n : neighbors) {
            if (n.state().compareTo(OspfNeighbor.State.INIT) >= 0) {
                seen.add(n.routerId());
            }
        }
        Ipv4Prefix p = itf.ipv4();
        OspfHello h = new OspfHello(p.mask(), config.helloInterval(), area.options(), config.priority(),
                config.deadInterval(), new Ipv4Address(dr), new Ipv4Address(bdr), seen);
        send(h, OspfCodec.ALL_SPF_ROUTERS.bits());
    }

    /** Largest OSPF packet (header included) that fits the interface MTU after the IPv4 header and any MD5 digest. */
    int maxPacket() {
        return Math.max(OspfCodec.HEADER_LENGTH + 64, itf.mtu() - Ipv4Header.MIN_LENGTH
                - (md5 == null ? 0 : Authentication.DIGEST_LENGTH));
    }

    /** Where flooded LSUs and delayed acks go (§13.3): AllSPFRouters, or AllDRouters from a DROther. */
    int floodDestination() {
        if (type == NetworkType.BROADCAST && state != State.DR && state != State.BACKUP) {
            return OspfCodec.ALL_D_ROUTERS.bits();
        }
        return OspfCodec.ALL_SPF_ROUTERS.bits();
    }

    void send(OspfMessage m, int dst) {
        if (!alive || !itf.isUp()) {
            return;
        }
        Authentication a = config.authentication();
        OspfPacket pkt = switch (a.mode()) {
            case NONE -> OspfPacket.of(process.routerId(), area.id(), m);
            case SIMPLE -> OspfPacket.withPassword(process.routerId(), area.id(), a.key(), m);
            case MD5 -> OspfPacket.withMd5(process.routerId(), area.id(), a.keyId(), nextCryptoSequence(), m);
        };
        sent[m.type()]++;
        process.node().ipv4().sendOn(itf, md5 == null ? OspfCodec.toBuffer(pkt) : OspfCodec.toBuffer(pkt, md5Key, md5), 0, dst,
                OspfCodec.IP_PROTOCOL, 1);
    }

    /** Sends LSAs in as many Link State Updates as the MTU requires. */
    void sendUpdates(List<Lsa> lsas, int dst) {
        int max = maxPacket();
        List<Lsa> batch = new ArrayList<>();
        int size = OspfCodec.HEADER_LENGTH + 4;
        for (Lsa l : lsas) {
            if (!batch.isEmpty() && size + l.length() > max) {
                send(new OspfLinkStateUpdate(batch), dst);
                batch = new ArrayList<>();
                size = OspfCodec.HEADER_LENGTH + 4;
            }
            batch.add(l);
            size += l.length();
        }
        if (!batch.isEmpty()) {
            send(new OspfLinkStateUpdate(batch), dst);
        }
    }

    /** Sends acknowledgments in as many packets as the MTU requires. */
    void sendAcks(List<LsaHeader> headers, int dst) {
        int per = Math.max(1, (maxPacket() - OspfCodec.HEADER_LENGTH) / LsaHeader.LENGTH);
        for (int i = 0; i < headers.size(); i += per) {
            send(new OspfLinkStateAck(headers.subList(i, Math.min(headers.size(), i + per))), dst);
        }
    }

    /** Queues an LSA for flooding out of this interface; all queued at one instant go in shared LSUs. */
    void queueFlood(Lsa lsa) {
        pendingFlood.add(lsa);
        if (floodFlush == null) {
            long now = process.now();
            long at = lastFloodSent == Long.MIN_VALUE ? now : Math.max(now, lastFloodSent + FLOOD_PACING);
            floodFlush = process.node().scheduler().schedule(at, this::flushFlood);
        }
    }

    private void flushFlood() {
        floodFlush = null;
        if (!alive || pendingFlood.isEmpty()) {
            return;
        }
        lastFloodSent = process.now();
        List<Lsa> l = new ArrayList<>(pendingFlood);
        pendingFlood.clear();
        sendUpdates(l, floodDestination());
    }

    void delayedAck(LsaHeader h) {
        delayedAcks.add(h);
        ackTimer.startIfIdle(OspfProcess.DELAYED_ACK);
    }

    private void sendDelayedAcks() {
        if (!alive || delayedAcks.isEmpty()) {
            return;
        }
        List<LsaHeader> l = new ArrayList<>(delayedAcks);
        delayedAcks.clear();
        sendAcks(l, floodDestination());
    }

    @Override
    public String toString() {
        return itf.displayName() + " " + state.display();
    }
}
