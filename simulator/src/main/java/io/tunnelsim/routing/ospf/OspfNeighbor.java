package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.Timer;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfDatabaseDescription;
import io.tunnelsim.wire.OspfLinkStateAck;
import io.tunnelsim.wire.OspfLinkStateRequest;
import io.tunnelsim.wire.OspfLinkStateUpdate;
import io.tunnelsim.wire.OspfMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A neighbour on an OSPF interface (RFC 2328 §10): the neighbour state machine, the
 * master/slave Database Description exchange (§10.6, §10.8), Link State Requests (§10.7,
 * §10.9), the retransmission list of flooded LSAs, and the inactivity timer.
 *
 * <p>States (§10.1) and events (§10.2) are enums; the state machine is a (state, event) table
 * of actions after §10.3, and every transition goes through one state-change function, which
 * re-derives the timers and lists from the new state, logs every change to or from Full and
 * every change to Down as {@code %OSPF-5-ADJCHG}, and tells the interface and the process.
 *
 * <p>Simplifications: the DD sequence number starts at a seeded random value; the Options
 * field of Database Description packets is not compared between packets; a slave keeps its
 * last packet for duplicates for as long as the neighbour exists rather than for one
 * RouterDeadInterval.
 */
public final class OspfNeighbor {

    /** Neighbour states (§10.1), in order. */
    public enum State {
        DOWN("DOWN"), ATTEMPT("ATTEMPT"), INIT("INIT"), TWO_WAY("2WAY"), EX_START("EXSTART"),
        EXCHANGE("EXCHANGE"), LOADING("LOADING"), FULL("FULL");

        private final String display;

        State(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    /**
     * Neighbour events (§10.2), each with the text an adjacency log line gives as its reason.
     * Start is for NBMA neighbours only and is never raised (no NBMA interfaces are modelled);
     * LLDown is never raised either: a lower layer that loses the neighbour (BFD) raises KillNbr
     * with its own reason.
     */
    public enum Event {
        HELLO_RECEIVED("Received Hello"), START("Start"), TWO_WAY_RECEIVED("2-Way Received"),
        NEGOTIATION_DONE("Negotiation Done"), EXCHANGE_DONE("Exchange Done"), BAD_LS_REQ("BadLSReq"),
        LOADING_DONE("Loading Done"), ADJ_OK("AdjOK?"), SEQ_NUMBER_MISMATCH("SeqNumberMismatch"), ONE_WAY("1-Way"),
        KILL_NBR("KillNbr"), INACTIVITY_TIMER("Neighbor Down: Dead timer expired"), LL_DOWN("LLDown");

        private final String reason;

        Event(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final OspfInterface iface;
    private final OspfProcess process;
    private Ipv4Address routerId;
    private int address;
    private int priority;
    private int declaredDr;
    private int declaredBdr;
    private State state = State.DOWN;
    private final Timer inactivityTimer;
    private final Timer ddRetransmit;
    private final Timer lsrRetransmit;
    private final Timer lsuRetransmit;

    private boolean master;
    private long ddSequence;
    private int lastRxFlags = -1;
    private long lastRxSequence = -1;
    /** The cryptographic sequence number last accepted from the neighbour (RFC 2328 §D.4.3), or -1. */
    long cryptoSequence = -1;
    private OspfDatabaseDescription lastSent;
    private boolean sentAll;
    private final ArrayDeque<LsaHeader> summaryList = new ArrayDeque<>();
    private final LsaKeyedList<LsaHeader> requestList = new LsaKeyedList<>();
    private final List<LsaKey> requestsInFlight = new ArrayList<>();
    private final LsaKeyedList<Lsa> retransmissionList = new LsaKeyedList<>();

    OspfNeighbor(OspfInterface iface, Ipv4Address routerId, int address) {
        this.iface = iface;
        this.process = iface.process();
        this.routerId = routerId;
        this.address = address;
        var s = process.node().scheduler();
        this.inactivityTimer = s.timer(() -> handle(Event.INACTIVITY_TIMER));
        this.ddRetransmit = s.timer(this::retransmitDd);
        this.lsrRetransmit = s.timer(this::sendRequests);
        this.lsuRetransmit = s.timer(this::retransmitUpdates);
    }

    public Ipv4Address routerId() {
        return routerId;
    }

    /** The neighbour's interface address (source of its hellos). */
    public int address() {
        return address;
    }

    public int priority() {
        return priority;
    }

    int declaredDr() {
        return declaredDr;
    }

    int declaredBdr() {
        return declaredBdr;
    }

    public State state() {
        return state;
    }

    public OspfInterface ospfInterface() {
        return iface;
    }

    long inactivityExpiry() {
        return inactivityTimer.expiry();
    }

    LsaKeyedList<LsaHeader> requestList() {
        return requestList;
    }

    LsaKeyedList<Lsa> retransmissionList() {
        return retransmissionList;
    }

    void updateFromHello(Ipv4Address rid, int src, int prio, int dr, int bdr) {
        routerId = rid;
        address = src;
        priority = prio;
        declaredDr = dr;
        declaredBdr = bdr;
    }

    // ------------------------------------------------------------------ state machine (§10.3)

    /** What one (state, event) cell of the table does; {@code reason} is the adjacency log text. */
    @FunctionalInterface
    private interface Action {
        void run(OspfNeighbor n, String reason);
    }

    /**
     * The neighbour state machine of §10.3, indexed by state and event. An empty cell is an
     * event the RFC ignores in that state. Every transition goes through {@link #changeState}.
     */
    private static final Action[][] TABLE = new Action[State.values().length][Event.values().length];

    static {
        on(Event.HELLO_RECEIVED, State.DOWN, State.ATTEMPT, (n, r) -> {
            n.changeState(State.INIT, r);
            n.restartInactivityTimer();
        });
        on(Event.HELLO_RECEIVED, State.INIT, State.FULL, (n, r) -> n.restartInactivityTimer());
        on(Event.TWO_WAY_RECEIVED, State.INIT, State.INIT, OspfNeighbor::twoWay);
        on(Event.NEGOTIATION_DONE, State.EX_START, State.EX_START, OspfNeighbor::negotiationDone);
        on(Event.EXCHANGE_DONE, State.EXCHANGE, State.EXCHANGE, OspfNeighbor::exchangeDone);
        on(Event.BAD_LS_REQ, State.EXCHANGE, State.FULL, OspfNeighbor::restartExStart);
        on(Event.SEQ_NUMBER_MISMATCH, State.EXCHANGE, State.FULL, OspfNeighbor::restartExStart);
        on(Event.LOADING_DONE, State.LOADING, State.LOADING, (n, r) -> n.changeState(State.FULL, r));
        on(Event.ADJ_OK, State.TWO_WAY, State.TWO_WAY, (n, r) -> {
            if (n.iface.shouldFormAdjacency(n)) {
                n.startExStart();
            }
        });
        on(Event.ADJ_OK, State.EX_START, State.FULL, (n, r) -> {
            if (!n.iface.shouldFormAdjacency(n)) {
                n.changeState(State.TWO_WAY, r);
            }
        });
        on(Event.ONE_WAY, State.TWO_WAY, State.FULL, (n, r) -> n.changeState(State.INIT, r));
        for (Event ev : new Event[] {Event.KILL_NBR, Event.INACTIVITY_TIMER, Event.LL_DOWN}) {
            on(ev, State.DOWN, State.FULL, OspfNeighbor::removed);
        }
    }

    private static void on(Event ev, State from, State to, Action a) {
        for (int s = from.ordinal(); s <= to.ordinal(); s++) {
            TABLE[s][ev.ordinal()] = a;
        }
    }

    /** Raises {@code ev} with its own log text. */
    private void handle(Event ev) {
        handle(ev, ev.reason());
    }

    /** Raises {@code ev}; {@code reason} is the text an adjacency log line would carry. */
    private void handle(Event ev, String reason) {
        Action a = TABLE[state.ordinal()][ev.ordinal()];
        if (a != null) {
            a.run(this, reason);
        }
    }

    /**
     * The one state change: re-derives the timers and lists from the new state, then logs
     * {@code %OSPF-5-ADJCHG} (to or from Full, and to Down from Init or above) and tells the
     * interface and the process's listeners.
     */
    private void changeState(State s, String reason) {
        State old = state;
        if (old == s) {
            return;
        }
        deriveTimers(old, s);
        state = s;
        if (s == State.FULL || s == State.DOWN || old == State.FULL) {
            if (!(s == State.DOWN && old.compareTo(State.INIT) < 0)) {
                process.publish(new AdjacencyChanged(process.node().now(), process.node().name(), process.config().processId(),
                        routerId, iface.itf().displayName(), old.display(), s.display(), reason));
            }
        }
        iface.neighborStateChanged(this, old, s);
        process.neighborChanged(this, old, s);
    }

    /**
     * Timers and lists of the new state: Down runs none; a step back, or a (re)start of ExStart,
     * drops the exchange's lists and their retransmission timers (§10.3: 1-Way, AdjOK?,
     * SeqNumberMismatch, BadLSReq, KillNbr); Loading and Full, and a slave in Exchange, retransmit
     * no Database Description (the master drives the exchange, §10.8).
     */
    private void deriveTimers(State old, State s) {
        if (s == State.DOWN) {
            inactivityTimer.cancel();
        }
        if (s.compareTo(old) < 0 || s == State.EX_START) {
            clearLists();
        } else if (s == State.LOADING || s == State.FULL || (s == State.EXCHANGE && !master)) {
            ddRetransmit.cancel();
        }
    }

    private void restartInactivityTimer() {
        inactivityTimer.start(iface.deadIntervalNanos());
    }

    void helloReceived() {
        handle(Event.HELLO_RECEIVED);
    }

    void twoWayReceived() {
        handle(Event.TWO_WAY_RECEIVED);
    }

    void oneWayReceived() {
        handle(Event.ONE_WAY);
    }

    void adjOk() {
        handle(Event.ADJ_OK);
    }

    void badLsReq() {
        handle(Event.BAD_LS_REQ);
    }

    private void seqNumberMismatch() {
        handle(Event.SEQ_NUMBER_MISMATCH);
    }

    /** Init × 2-WayReceived. */
    private void twoWay(String reason) {
        changeState(State.TWO_WAY, reason);
        // the NeighborChange this raised may already have started the exchange (AdjOK?)
        if (state == State.TWO_WAY && iface.shouldFormAdjacency(this)) {
            startExStart();
        }
    }

    /** 2-Way → ExStart: a fresh DD sequence number, this router master (§10.8). */
    private void startExStart() {
        ddSequence = process.random().nextLong(1, 0x7fff_ffffL);
        enterExStart("Start");
    }

    /** SeqNumberMismatch / BadLSReq in Exchange or above: ExStart again with the next sequence number. */
    private void restartExStart(String why) {
        ddSequence = ddSequence + 1 & 0xffff_ffffL;
        enterExStart(why);
    }

    private void enterExStart(String why) {
        master = true;
        sentAll = false;
        lastRxFlags = -1;
        lastRxSequence = -1;
        changeState(State.EX_START, why);
        sendDd(true, true, true, List.of());
    }

    /** ExStart × NegotiationDone: the database summary list is the area's LSDB. */
    private void negotiationDone(String reason) {
        changeState(State.EXCHANGE, reason);
        long now = process.now();
        for (Lsdb.Entry e : iface.area().lsdb().sorted()) {
            summaryList.add(e.header(now));
        }
    }

    /** Exchange × ExchangeDone: Full, or Loading while requests remain. */
    private void exchangeDone(String reason) {
        if (requestList.isEmpty()) {
            changeState(State.FULL, reason);
        } else {
            changeState(State.LOADING, reason);
            // requests sent during Exchange are still outstanding: the retransmission timer
            // covers them (§10.9); only a neighbour with none in flight gets a first request now
            if (requestsInFlight.isEmpty()) {
                sendRequests();
            }
        }
    }

    /** A requested LSA arrived or was otherwise satisfied; Loading may be done. */
    void requestSatisfied(LsaKey key) {
        if (requestList.remove(key) == null) {
            return;
        }
        afterRequestsChanged();
    }

    void afterRequestsChanged() {
        if (requestList.isEmpty()) {
            lsrRetransmit.cancel();
            requestsInFlight.clear();
            handle(Event.LOADING_DONE);
            return;
        }
        if (state == State.LOADING || state == State.EXCHANGE) {
            boolean outstanding = false;
            for (LsaKey k : requestsInFlight) {
                if (requestList.containsKey(k)) {
                    outstanding = true;
                    break;
                }
            }
            if (!outstanding && !requestsInFlight.isEmpty()) {
                sendRequests();
            }
        }
    }

    /** KillNbr (interface down, a client such as BFD) from any state: the neighbour is removed. */
    void kill(String reason) {
        handle(Event.KILL_NBR, reason);
    }

    /** KillNbr / InactivityTimer / LLDown: Down, then out of the interface's neighbour list. */
    private void removed(String reason) {
        changeState(State.DOWN, reason);
        iface.removeNeighbor(this);
    }

    void cancelTimers() {
        inactivityTimer.cancel();
        ddRetransmit.cancel();
        lsrRetransmit.cancel();
        lsuRetransmit.cancel();
    }

    private void clearLists() {
        summaryList.clear();
        requestList.clear();
        requestsInFlight.clear();
        retransmissionList.clear();
        lastSent = null;
        ddRetransmit.cancel();
        lsrRetransmit.cancel();
        lsuRetransmit.cancel();
    }

    // ------------------------------------------------------------------ receive

    void receive(OspfMessage m) {
        if (m instanceof OspfDatabaseDescription d) {
            receiveDd(d);
        } else if (m instanceof OspfLinkStateRequest r) {
            receiveRequest(r);
        } else if (m instanceof OspfLinkStateUpdate u) {
            if (state.compareTo(State.EXCHANGE) >= 0) {
                process.flooding().receiveUpdate(this, u.lsas());
            }
        } else if (m instanceof OspfLinkStateAck a) {
            if (state.compareTo(State.EXCHANGE) >= 0) {
                process.flooding().receiveAck(this, a.lsaHeaders());
            }
        }
    }

    private static int flags(OspfDatabaseDescription d) {
        return (d.init() ? 4 : 0) | (d.more() ? 2 : 0) | (d.master() ? 1 : 0);
    }

    private boolean isDuplicate(OspfDatabaseDescription d) {
        return flags(d) == lastRxFlags && d.ddSequenceNumber() == lastRxSequence;
    }

    /** §10.6. */
    private void receiveDd(OspfDatabaseDescription d) {
        if (d.interfaceMtu() > iface.itf().mtu()) {
            process.node().counters().drop(OspfDrop.OSPF_DBD_MTU_MISMATCH);
            return;
        }
        switch (state) {
            case DOWN, ATTEMPT, TWO_WAY -> {
                return;
            }
            case INIT -> {
                handle(Event.TWO_WAY_RECEIVED);
                if (state != State.EX_START) {
                    return;
                }
                receiveDdExStart(d);
            }
            case EX_START -> receiveDdExStart(d);
            case EXCHANGE -> {
                if (isDuplicate(d)) {
                    if (!master && lastSent != null) {
                        iface.send(lastSent, unicastOrMulticast());
                    }
                    return;
                }
                if (d.master() == master) {
                    seqNumberMismatch();
                    return;
                }
                if (d.init()) {
                    seqNumberMismatch();
                    return;
                }
                long expected = master ? ddSequence : (ddSequence + 1) & 0xffff_ffffL;
                if (d.ddSequenceNumber() != expected) {
                    seqNumberMismatch();
                    return;
                }
                accept(d);
            }
            case LOADING, FULL -> {
                if (isDuplicate(d)) {
                    if (!master && lastSent != null) {
                        iface.send(lastSent, unicastOrMulticast());
                    }
                    return;
                }
                seqNumberMismatch();
            }
            default -> {
            }
        }
    }

    private void receiveDdExStart(OspfDatabaseDescription d) {
        int mine = process.routerId().bits();
        if (d.init() && d.more() && d.master() && d.lsaHeaders().isEmpty()
                && Integer.compareUnsigned(routerId.bits(), mine) > 0) {
            master = false;
            ddSequence = d.ddSequenceNumber();
            handle(Event.NEGOTIATION_DONE);
            lastRxFlags = flags(d);
            lastRxSequence = d.ddSequenceNumber();
            sendSlaveResponse(d.more());
        } else if (!d.init() && !d.master() && d.ddSequenceNumber() == ddSequence
                && Integer.compareUnsigned(routerId.bits(), mine) < 0) {
            master = true;
            handle(Event.NEGOTIATION_DONE);
            accept(d);
        }
    }

    /** Processes an accepted Database Description packet in state Exchange (§10.6, §10.8). */
    private void accept(OspfDatabaseDescription d) {
        lastRxFlags = flags(d);
        lastRxSequence = d.ddSequenceNumber();
        Lsdb lsdb = iface.area().lsdb();
        long now = process.now();
        for (LsaHeader h : d.lsaHeaders()) {
            if (h.type() < LsaHeader.ROUTER || h.type() > LsaHeader.SUMMARY_ASBR) {
                seqNumberMismatch();
                return;
            }
            LsaKey k = h.key();
            Lsdb.Entry e = lsdb.get(k);
            if (e == null || e.compareReceived(h, now) > 0) {
                requestList.put(k, h);
            }
        }
        if (master) {
            ddSequence = (ddSequence + 1) & 0xffff_ffffL;
            if (sentAll && !d.more()) {
                handle(Event.EXCHANGE_DONE);
            } else {
                sendNextDd(true);
            }
        } else {
            ddSequence = d.ddSequenceNumber();
            sendSlaveResponse(d.more());
        }
        if (state == State.EXCHANGE && !requestList.isEmpty() && requestsInFlight.isEmpty()) {
            sendRequests();
        }
    }

    private void sendSlaveResponse(boolean masterMore) {
        sendNextDd(false);
        if (!masterMore && sentAll) {
            handle(Event.EXCHANGE_DONE);
        }
    }

    /** Sends the next Database Description packet with as many summaries as fit. */
    private void sendNextDd(boolean asMaster) {
        int per = Math.max(1, (iface.maxPacket() - OspfCodec.HEADER_LENGTH - 8) / LsaHeader.LENGTH);
        List<LsaHeader> batch = new ArrayList<>(Math.min(per, summaryList.size()));
        while (batch.size() < per && !summaryList.isEmpty()) {
            batch.add(summaryList.poll());
        }
        sentAll = summaryList.isEmpty();
        sendDd(false, !sentAll, asMaster, batch);
    }

    private void sendDd(boolean init, boolean more, boolean ms, List<LsaHeader> headers) {
        OspfDatabaseDescription d = new OspfDatabaseDescription(iface.itf().mtu(), iface.area().options(), init, more, ms,
                ddSequence, headers);
        lastSent = d;
        iface.send(d, unicastOrMulticast());
        if (ms) {
            ddRetransmit.start(iface.retransmitNanos());
        }
    }

    private void retransmitDd() {
        if ((state == State.EX_START || (state == State.EXCHANGE && master)) && lastSent != null) {
            iface.send(lastSent, unicastOrMulticast());
            ddRetransmit.start(iface.retransmitNanos());
        }
    }

    /** Unicast to the neighbour on broadcast networks; AllSPFRouters on point-to-point ones (as routers do). */
    int unicastOrMulticast() {
        return iface.type() == NetworkType.BROADCAST ? address : OspfCodec.ALL_SPF_ROUTERS.bits();
    }

    // ------------------------------------------------------------------ requests

    private void sendRequests() {
        if (requestList.isEmpty() || state.compareTo(State.EXCHANGE) < 0) {
            return;
        }
        int per = Math.max(1, (iface.maxPacket() - OspfCodec.HEADER_LENGTH) / 12);
        requestsInFlight.clear();
        for (int i = 0, end = requestList.end(); i < end && requestsInFlight.size() < per; i++) {
            LsaKey k = requestList.keyAt(i);
            if (k != null) {
                requestsInFlight.add(k);
            }
        }
        iface.send(new OspfLinkStateRequest(requestsInFlight), unicastOrMulticast());
        lsrRetransmit.start(iface.retransmitNanos());
    }

    /** §10.7: answer with the requested LSAs; an unknown one is BadLSReq. */
    private void receiveRequest(OspfLinkStateRequest r) {
        if (state.compareTo(State.EXCHANGE) < 0) {
            return;
        }
        Lsdb lsdb = iface.area().lsdb();
        long now = process.now();
        List<Lsa> out = new ArrayList<>(r.requests().size());
        for (LsaKey k : r.requests()) {
            Lsdb.Entry e = lsdb.get(k);
            if (e == null) {
                badLsReq();
                return;
            }
            out.add(e.lsaForTransmission(now, iface.config().transmitDelay()));
        }
        // A.3.5 / §13.3: LS Updates are multicast on broadcast networks (AllSPFRouters from the DR and BDR,
        // AllDRouters from the others), only retransmissions go direct; FRR answers requests the same way
        iface.sendUpdates(out, iface.floodDestination());
    }

    // ------------------------------------------------------------------ retransmission list

    void addRetransmission(LsaKey key, Lsa transmitted) {
        retransmissionList.put(key, transmitted);
        lsuRetransmit.startIfIdle(iface.retransmitNanos());
    }

    void removeRetransmission(LsaKey key) {
        if (retransmissionList.remove(key) != null && retransmissionList.isEmpty()) {
            lsuRetransmit.cancel();
        }
    }

    /** An acknowledgment for {@code h}: removes the matching instance from the retransmission list. */
    boolean acknowledge(LsaHeader h) {
        LsaKey k = h.key();
        Lsa l = retransmissionList.get(k);
        if (l != null && l.header().compareInstance(h) == 0) {
            removeRetransmission(k);
            return true;
        }
        return false;
    }

    private void retransmitUpdates() {
        if (retransmissionList.isEmpty() || state.compareTo(State.EXCHANGE) < 0) {
            return;
        }
        // §13.6: retransmitted LSAs carry their current age (plus InfTransDelay)
        Lsdb lsdb = iface.area().lsdb();
        long now = process.now();
        List<Lsa> out = new ArrayList<>(retransmissionList.size());
        for (int i = 0, end = retransmissionList.end(); i < end; i++) {
            LsaKey key = retransmissionList.keyAt(i);
            if (key == null) {
                continue;
            }
            Lsa sent = retransmissionList.valueAt(i);
            Lsdb.Entry e = lsdb.get(key);
            boolean same = e != null && e.sequenceNumber() == sent.header().sequenceNumber()
                    && e.lsa.header().checksum() == sent.header().checksum() && !e.isMaxAge(now) && !sent.header().isMaxAge();
            out.add(same ? e.lsaForTransmission(now, iface.config().transmitDelay()) : sent);
        }
        iface.sendUpdates(out, iface.type() == NetworkType.BROADCAST ? address : OspfCodec.ALL_SPF_ROUTERS.bits());
        lsuRetransmit.start(iface.retransmitNanos());
    }

    /** Sends one LSA straight to this neighbour (§13 step 8, and direct replies). */
    void sendDirect(Lsa lsa) {
        iface.sendUpdates(List.of(lsa), unicastOrMulticast());
    }

    void sendDirectAcks(List<LsaHeader> headers) {
        iface.sendAcks(headers, unicastOrMulticast());
    }

    @Override
    public String toString() {
        return routerId + "@" + iface.itf().displayName() + " " + state.display();
    }
}
