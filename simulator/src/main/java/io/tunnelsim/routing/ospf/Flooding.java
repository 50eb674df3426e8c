package io.tunnelsim.routing.ospf;

import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import java.util.List;

/**
 * The flooding procedure (RFC 2328 §13): receiving Link State Updates, installing newer
 * instances, flooding them out of the area's other interfaces with retransmission until
 * acknowledged (§13.3), delayed and direct acknowledgments (§13.5), and the handling of
 * self-originated LSAs received from others (§13.4).
 *
 * <p>LSAs flooded at one instant on one interface share Link State Update packets (split to
 * the MTU), as routers pack their flooding queue.
 */
final class Flooding {
    private final OspfProcess process;

    Flooding(OspfProcess process) {
        this.process = process;
    }

    /** §13: a Link State Update from {@code from} (in state Exchange or later). */
    void receiveUpdate(OspfNeighbor from, List<Lsa> lsas) {
        OspfInterface iface = from.ospfInterface();
        OspfArea area = iface.area();
        Lsdb lsdb = area.lsdb();
        long now = process.now();
        List<LsaHeader> directAcks = null;
        for (Lsa received : lsas) {
            LsaHeader rh = received.header();
            int type = rh.type();
            if (type < LsaHeader.ROUTER || type > LsaHeader.SUMMARY_ASBR) {
                continue; // step 2-3: unknown or AS-external (not supported) types are discarded
            }
            int rxAge = rh.age();
            LsaKey key = rh.key();
            Lsdb.Entry e = lsdb.get(key);
            if (rh.isMaxAge() && e == null && !anyNeighborExchanging(area)) {
                directAcks = add(directAcks, rh); // step 4
                continue;
            }
            int cmp = e == null ? 1 : e.compareReceived(rh, now);
            if (cmp > 0) {
                // step 5
                if (e != null && !e.self && now - e.installTime < OspfArea.MIN_LS_ARRIVAL) {
                    continue;
                }
                Lsa lsa = process.interner().intern(received);
                // step 5(c) removes the old database copy from the retransmission lists; it must
                // run before step 5(b) queues the new instance on them, or the new instance is
                // never retransmitted if the flooded update is lost or discarded downstream
                removeFromRetransmissionLists(area, key);
                boolean floodedBack = flood(area, key, lsa, rxAge, from);
                boolean changed = e == null || e.lsa.contentsDiffer(received) || e.isMaxAge(now) != rh.isMaxAge();
                Lsdb.Entry n = lsdb.install(lsa, rxAge, now, false);
                if (rh.isMaxAge()) {
                    n.flushing = true;
                }
                if (changed) {
                    process.scheduleSpf();
                }
                if (!floodedBack) {
                    if (iface.state() != OspfInterface.State.BACKUP || from.address() == iface.dr()) {
                        iface.delayedAck(rh);
                    }
                }
                if (isSelfOriginated(area, rh)) {
                    n.self = true;
                    area.originateNow(key, true); // §13.4: advance the sequence number, or flush
                }
            } else if (from.requestList().containsKey(key)) {
                from.badLsReq(); // step 6
                directAcks = null;
                break;
            } else if (cmp == 0) {
                // step 7: duplicate
                if (from.retransmissionList().containsKey(key)) {
                    from.removeRetransmission(key); // implied acknowledgment
                    if (iface.state() == OspfInterface.State.BACKUP && from.address() == iface.dr()) {
                        iface.delayedAck(rh);
                    }
                } else {
                    directAcks = add(directAcks, rh);
                }
            } else {
                // step 8: the database copy is newer
                if (e.isMaxAge(now) && e.sequenceNumber() == LsaHeader.MAX_SEQUENCE_NUMBER) {
                    continue;
                }
                from.sendDirect(e.lsaForTransmission(now, from.ospfInterface().config().transmitDelay()));
            }
        }
        if (directAcks != null) {
            from.sendDirectAcks(directAcks); // the direct acks of one update share one packet
        }
    }

    private static <T> List<T> add(List<T> l, T v) {
        if (l == null) {
            l = new java.util.ArrayList<>();
        }
        l.add(v);
        return l;
    }

    private boolean isSelfOriginated(OspfArea area, LsaHeader h) {
        if (h.advertisingRouter().equals(process.routerId())) {
            return true;
        }
        if (h.type() == LsaHeader.NETWORK) {
            for (OspfInterface oi : area.interfaces()) {
                if (oi.address() == h.linkStateId().bits()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * §13.3: floods the instance {@code lsa} (age {@code age} now) out of the area's
     * interfaces, except back to {@code from}. Returns true when it went back out of the
     * interface it arrived on.
     */
    boolean flood(OspfArea area, LsaKey key, Lsa lsa, int age, OspfNeighbor from) {
        boolean floodedBack = false;
        LsaHeader h = lsa.header();
        // the copy sent: the age grows by the interface's InfTransDelay; interfaces with the same
        // delay share one (immutable) copy, which every neighbour's retransmission list then holds
        Lsa tx = null;
        int txDelay = -1;
        for (OspfInterface oi : area.interfaces()) {
            List<OspfNeighbor> nbrs = oi.neighborList();
            if (nbrs.isEmpty()) {
                continue;
            }
            boolean added = false;
            for (int i = 0; i < nbrs.size(); i++) {
                OspfNeighbor n = nbrs.get(i);
                OspfNeighbor.State s = n.state();
                if (s.compareTo(OspfNeighbor.State.EXCHANGE) < 0) {
                    continue;
                }
                if (s != OspfNeighbor.State.FULL) {
                    LsaHeader req = n.requestList().get(key);
                    if (req != null) {
                        int c = compareIgnoringAge(h, age, req);
                        if (c < 0) {
                            continue;
                        }
                        if (c == 0) {
                            n.requestSatisfied(key);
                            continue;
                        }
                        n.requestSatisfied(key);
                    }
                }
                if (n == from) {
                    continue;
                }
                int delay = oi.config().transmitDelay();
                if (tx == null || delay != txDelay) {
                    tx = lsa.withAge(Math.min(LsaHeader.MAX_AGE, age + delay));
                    txDelay = delay;
                }
                n.addRetransmission(key, tx);
                added = true;
            }
            if (!added) {
                continue;
            }
            if (from != null && oi == from.ospfInterface()) {
                if (from.address() == oi.dr() || from.address() == oi.bdr()) {
                    continue;
                }
                if (oi.state() == OspfInterface.State.BACKUP) {
                    continue;
                }
                floodedBack = true;
            }
            oi.queueFlood(tx);
        }
        return floodedBack;
    }

    private static int compareIgnoringAge(LsaHeader h, int age, LsaHeader other) {
        LsaHeader withAge = age == h.age() ? h : new LsaHeader(age, h.options(), h.type(), h.linkStateId(),
                h.advertisingRouter(), h.sequenceNumber(), h.checksum(), h.length());
        return withAge.compareInstance(other);
    }

    /** §13.5 on receipt of a Link State Acknowledgment. */
    void receiveAck(OspfNeighbor from, List<LsaHeader> headers) {
        for (LsaHeader h : headers) {
            from.acknowledge(h);
        }
    }

    void removeFromRetransmissionLists(OspfArea area, LsaKey key) {
        for (OspfInterface oi : area.interfaces()) {
            List<OspfNeighbor> nbrs = oi.neighborList();
            for (int i = 0; i < nbrs.size(); i++) {
                nbrs.get(i).removeRetransmission(key);
            }
        }
    }

    boolean onAnyRetransmissionList(OspfArea area, LsaKey key) {
        for (OspfInterface oi : area.interfaces()) {
            for (OspfNeighbor n : oi.neighborList()) {
                if (n.retransmissionList().containsKey(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean anyNeighborExchanging(OspfArea area) {
        for (OspfInterface oi : area.interfaces()) {
            for (OspfNeighbor n : oi.neighborList()) {
                OspfNeighbor.State s = n.state();
                if (s == OspfNeighbor.State.EXCHANGE || s == OspfNeighbor.State.LOADING) {
                    return true;
                }
            }
        }
        return false;
    }
}
