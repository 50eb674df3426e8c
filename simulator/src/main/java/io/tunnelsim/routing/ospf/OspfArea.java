package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.sim.Event;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaBody;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import io.tunnelsim.wire.OspfRouterLsa;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * One area of an OSPF process: its interfaces, its link-state database and the LSAs this
 * router originates into it (RFC 2328 §12.4): the Router-LSA, a Network-LSA for each
 * broadcast network on which it is the Designated Router, and, on an area border router,
 * Summary-LSAs.
 *
 * <p>Origination is idempotent: a request recomputes the body the LSA should have now and
 * originates a new instance only when it differs (or the LSA must be refreshed). New instances
 * of one LSA are at least MinLSInterval (5 s) apart (§12.4): a request inside that interval
 * is deferred to its end and then recomputed. An LSA that should no longer exist is flushed
 * by premature aging (§14.1). Every LSA this router originates is refreshed when its age
 * reaches LSRefreshTime (30 min).
 */
final class OspfArea {
    static final long MIN_LS_INTERVAL = LsaHeader.MIN_LS_INTERVAL * SimTime.SECOND;
    static final long MIN_LS_ARRIVAL = LsaHeader.MIN_LS_ARRIVAL * SimTime.SECOND;

    private final OspfProcess process;
    private final Ipv4Address id;
    private final AreaSettings settings;
    private final Lsdb lsdb = new Lsdb();
    private final List<OspfInterface> interfaces = new ArrayList<>();
    private final HashMap<LsaKey, Long> lastOrigination = new HashMap<>();
    private final HashMap<LsaKey, Event> deferred = new HashMap<>();

    OspfArea(OspfProcess process, Ipv4Address id, AreaSettings settings) {
        this.process = process;
        this.id = id;
        this.settings = settings;
    }

    /** Stub or normal, as configured (RFC 2328 appendix C.2). */
    AreaSettings settings() {
        return settings;
    }

    /** The Options field of this area's Hellos, Database Descriptions and LSAs: E set unless the area is a stub. */
    int options() {
        return settings.options();
    }

    Ipv4Address id() {
        return id;
    }

    Lsdb lsdb() {
        return lsdb;
    }

    List<OspfInterface> interfaces() {
        return interfaces;
    }

    OspfProcess process() {
        return process;
    }

    boolean isBackbone() {
        return id.bits() == 0;
    }

    /** An area counts for ABR status when one of its interfaces is up. */
    boolean isActive() {
        for (OspfInterface oi : interfaces) {
            if (oi.state() != OspfInterface.State.DOWN) {
                return true;
            }
        }
        return false;
    }

    void shutdown() {
        for (Event e : deferred.values()) {
            e.cancel();
        }
        deferred.clear();
        lastOrigination.clear();
        lsdb.clear();
    }

    // ------------------------------------------------------------------ origination requests

    void originateRouterLsa() {
        request(new LsaKey(LsaHeader.ROUTER, process.routerId(), process.routerId()));
    }

    void originateNetworkLsa(OspfInterface oi) {
        if (oi.address() != 0) {
            request(new LsaKey(LsaHeader.NETWORK, new Ipv4Address(oi.address()), process.routerId()));
        }
    }

    /** Re-evaluates every Summary-LSA this router has or wants in the area. */
    void originateSummaries() {
        List<LsaKey> keys = new ArrayList<>();
        for (Lsdb.Entry e : lsdb.entries()) {
            if (e.key.type() == LsaHeader.SUMMARY_NETWORK && e.key.advertisingRouterBits() == process.routerId().bits()) {
                keys.add(e.key);
            }
        }
        keys.sort(null);
        for (LsaKey k : keys) {
            request(k);
        }
        for (Ipv4Address lsId : process.summariesFor(id).keySet()) {
            request(new LsaKey(LsaHeader.SUMMARY_NETWORK, lsId, process.routerId()));
        }
    }

    /** Originates (or flushes) the LSA {@code key} now or, inside MinLSInterval, when it ends. */
    void request(LsaKey key) {
        if (!process.isRunning() || deferred.containsKey(key)) {
            return;
        }
        long now = process.now();
        Long last = lastOrigination.get(key);
        if (last != null && now - last < MIN_LS_INTERVAL) {
            Event ev = process.node().scheduler().schedule(last + MIN_LS_INTERVAL, () -> {
                deferred.remove(key);
                originateNow(key, false);
            });
            deferred.put(key, ev);
            return;
        }
        originateNow(key, false);
    }

    /** The body the LSA {@code key} should have now, or null when this router should not originate it. */
    LsaBody wantedBody(LsaKey key) {
        if (key.advertisingRouterBits() != process.routerId().bits()) {
            return null; // e.g. a Network-LSA for our address from an earlier router ID
        }
        switch (key.type()) {
            case LsaHeader.ROUTER:
                return key.linkStateId().equals(process.routerId()) ? buildRouterLsa() : null;
            case LsaHeader.NETWORK: {
                OspfInterface oi = interfaceWithAddress(key.linkStateIdBits());
                return oi == null ? null : oi.buildNetworkLsa();
            }
            case LsaHeader.SUMMARY_NETWORK:
                return process.wantedSummary(id, key.linkStateId());
            default:
                return null;
        }
    }

    private OspfInterface interfaceWithAddress(int address) {
        for (OspfInterface oi : interfaces) {
            if (oi.address() == address) {
                return oi;
            }
        }
        return null;
    }

    /**
     * Originates a new instance of {@code key} if its wanted body differs from the database copy
     * (always when {@code force}), or flushes it when it is no longer wanted.
     */
    void originateNow(LsaKey key, boolean force) {
        if (!process.isRunning()) {
            return;
        }
        long now = process.now();
        LsaBody body = wantedBody(key);
        Lsdb.Entry e = lsdb.get(key);
        if (body == null) {
            if (e != null && !e.isMaxAge(now)) {
                flush(e);
            }
            return;
        }
        if (e != null && !force && e.self && !e.isMaxAge(now) && body.equals(e.lsa.body())) {
            return;
        }
        int seq = e == null ? LsaHeader.INITIAL_SEQUENCE_NUMBER : e.sequenceNumber() + 1;
        if (e != null && e.sequenceNumber() == LsaHeader.MAX_SEQUENCE_NUMBER) {
            seq = LsaHeader.INITIAL_SEQUENCE_NUMBER;
        }
        Lsa lsa = Lsa.originate(0, options(), key.linkStateId(), key.advertisingRouter(), seq, body);
        lastOrigination.put(key, now);
        boolean changed = e == null || e.lsa.contentsDiffer(lsa) || e.isMaxAge(now);
        process.flooding().removeFromRetransmissionLists(this, key);
        lsdb.install(lsa, 0, now, true);
        process.flooding().flood(this, key, lsa, 0, null);
        if (changed && key.type() <= LsaHeader.NETWORK) {
            process.scheduleSpf();
        }
    }

    /** Premature aging (§14.1): the LSA is flooded at MaxAge, then removed once acknowledged. */
    void flush(Lsdb.Entry e) {
        long now = process.now();
        Lsa aged = e.lsa.withAge(LsaHeader.MAX_AGE);
        lastOrigination.put(e.key, now);
        process.flooding().removeFromRetransmissionLists(this, e.key);
        Lsdb.Entry n = lsdb.install(aged, LsaHeader.MAX_AGE, now, true);
        n.flushing = true;
        process.flooding().flood(this, e.key, aged, LsaHeader.MAX_AGE, null);
        if (e.key.type() <= LsaHeader.NETWORK) {
            process.scheduleSpf();
        }
    }

    // ------------------------------------------------------------------ LSA bodies

    /** The Router-LSA of §12.4.1 for this area. */
    OspfRouterLsa buildRouterLsa() {
        List<OspfRouterLsa.Link> links = new ArrayList<>();
        for (OspfInterface oi : interfaces) {
            oi.addRouterLinks(links);
        }
        return new OspfRouterLsa(false, false, process.isAbr(), links);
    }

    static OspfRouterLsa.Link stub(Ipv4Prefix p, int cost) {
        return new OspfRouterLsa.Link(p.network().address(), p.mask(), OspfRouterLsa.STUB, cost);
    }

    // ------------------------------------------------------------------ aging

    /** Refreshes own LSAs at LSRefreshTime; floods and removes LSAs that reached MaxAge (§14). */
    void agingSweep() {
        long now = process.now();
        if (!lsdb.needsSweep(now)) {
            return; // no entry has reached LSRefreshTime: nothing to refresh, expire or remove
        }
        List<Lsdb.Entry> refresh = null;
        List<Lsdb.Entry> expired = null;
        List<LsaKey> remove = null;
        for (Lsdb.Entry e : lsdb.entries()) {
            int age = e.age(now);
            if (age >= LsaHeader.MAX_AGE) {
                if (!e.flushing) {
                    expired = add(expired, e);
                } else if (!process.flooding().onAnyRetransmissionList(this, e.key)
                        && !process.flooding().anyNeighborExchanging(this)) {
                    remove = add(remove, e.key);
                }
            } else if (e.self && age >= LsaHeader.LS_REFRESH_TIME) {
                refresh = add(refresh, e);
            }
        }
        if (refresh != null) {
            refresh.sort((a, b) -> a.key.compareTo(b.key));
            for (Lsdb.Entry e : refresh) {
                originateNow(e.key, true);
            }
        }
        if (expired != null) {
            expired.sort((a, b) -> a.key.compareTo(b.key));
            for (Lsdb.Entry e : expired) {
                e.flushing = true;
                process.flooding().flood(this, e.key, e.lsa, LsaHeader.MAX_AGE, null);
                process.scheduleSpf();
            }
        }
        if (remove != null) {
            remove.sort(null);
            for (LsaKey k : remove) {
                lsdb.remove(k);
            }
        }
        lsdb.sweepDone();
    }

    private static <T> List<T> add(List<T> l, T v) {
        if (l == null) {
            l = new ArrayList<>();
        }
        l.add(v);
        return l;
    }
}
