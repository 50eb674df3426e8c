package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipProcess.INFINITY;
import static io.tunnelsim.routing.rip.RipProcess.PORT;
import static io.tunnelsim.routing.rip.RipProcess.UNICAST_TTL;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.wire.Authentication;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.RipEntry;
import io.tunnelsim.wire.RipPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * The output side of a {@link RipProcess} (RFC 2453 §3.8–3.10): periodic and triggered updates,
 * answers to requests and whole-table requests, with split horizon (simple or poison reverse,
 * §3.4.3) applied per interface. Unauthenticated responses are written straight into their
 * packets from reused scratch arrays.
 */
final class RipOutput {
    private final RipProcess process;
    private final Node node;
    private final RipConfig config;
    private final RipTable table;
    /** Scratch of {@link #pick}: table positions and advertised metrics of the routes of one response. */
    private int[] picked = new int[16];
    private int[] pickedMetric = new int[16];

    long responsesSent;
    long requestsSent;

    RipOutput(RipProcess process, Node node, RipConfig config, RipTable table) {
        this.process = process;
        this.node = node;
        this.config = config;
        this.table = table;
    }

    void sendUpdates(boolean changedOnly) {
        for (RipProcess.IfState st : process.interfaces.values()) {
            if (st.up && !st.passive) {
                sendTable(st, st.itf, changedOnly, true, RipCodec.RIP2_ROUTERS.bits(), PORT);
            }
        }
        for (int i = 0; i < table.size(); i++) {
            table.at(i).changed = false;
        }
    }

    /**
     * Picks the routes a response on {@code out} carries, split horizon applied when asked:
     * their table positions go to {@link #picked}, the metrics to advertise to
     * {@link #pickedMetric} (both reused from response to response). Returns how many.
     */
    private int pick(Interface out, boolean changedOnly, boolean splitHorizon) {
        if (picked.length < table.size()) {
            picked = new int[Math.max(table.size(), 2 * picked.length)];
            pickedMetric = new int[picked.length];
        }
        int n = 0;
        for (int i = 0; i < table.size(); i++) {
            RipRoute r = table.at(i);
            if (changedOnly && !r.changed) {
                continue;
            }
            int metric = r.metric;
            if (splitHorizon && r.uses(out)) {
                if (r.kind == RipRoute.Kind.CONNECTED || config.splitHorizon() == SplitHorizon.SIMPLE) {
                    continue;
                }
                if (config.splitHorizon() == SplitHorizon.POISON_REVERSE) {
                    metric = INFINITY;
                }
            }
            picked[n] = i;
            pickedMetric[n++] = metric;
        }
        return n;
    }

    /**
     * Sends the routes {@link #pick} selects on {@code out}, at most 25 a message: each message's
     * bytes are written straight into its packet (no message object), or, on an interface with
     * authentication, built as a {@link RipPacket} and encoded with its authentication entry.
     */
    void sendTable(RipProcess.IfState st, Interface out, boolean changedOnly, boolean splitHorizon, int dst, int dstPort) {
        int n = pick(out, changedOnly, splitHorizon);
        if (st.auth.mode() != Authentication.Mode.NONE) {
            List<RipEntry> list = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                RipRoute r = table.at(picked[j]);
                list.add(new RipEntry(RipEntry.AFI_IPV4, r.tag, r.prefix.address(), r.prefix.mask(), Ipv4Address.ANY,
                        pickedMetric[j]));
            }
            sendResponse(out, list, dst, dstPort);
            return;
        }
        for (int from = 0; from < n; from += RipPacket.MAX_ENTRIES) {
            int count = Math.min(RipPacket.MAX_ENTRIES, n - from);
            int len = RipCodec.HEADER_LENGTH + count * RipCodec.ENTRY_LENGTH;
            PacketBuffer pb = PacketBuffer.allocate(len);
            byte[] a = pb.array();
            int off = pb.append(len);
            RipCodec.writeHeader(a, off, RipPacket.RESPONSE, 2);
            for (int j = 0; j < count; j++) {
                RipRoute r = table.at(picked[from + j]);
                RipCodec.writeEntry(a, RipCodec.entryOffset(off, j), RipEntry.AFI_IPV4, r.tag, r.prefix.address().bits(),
                        r.prefix.maskBits(), 0, pickedMetric[from + j]);
            }
            transmit(out, pb, dst, dstPort);
        }
    }

    void sendResponse(Interface out, List<RipEntry> entries, int dst, int dstPort) {
        RipProcess.IfState st = process.interfaces.get(out.name());
        Authentication auth = st == null ? Authentication.NONE : st.auth;
        int per = RipPacket.MAX_ENTRIES - (auth.mode() == Authentication.Mode.NONE ? 0 : auth.mode() == Authentication.Mode.SIMPLE ? 1 : 2);
        for (int from = 0; from < entries.size(); from += per) {
            RipPacket m = RipPacket.response(entries.subList(from, Math.min(entries.size(), from + per)));
            transmit(out, process.auth.toBuffer(m, auth), dst, dstPort);
        }
    }

    private void transmit(Interface out, PacketBuffer pb, int dst, int dstPort) {
        // Multicast (224/4) updates TTL 1; a unicast reply (RFC 2453 §3.9.1) the host default TTL 64; DF set, as
        // FRR ripd on Linux (path MTU discovery on by default; a response never exceeds 504 bytes)
        node.ipv4().sendUdpOn(out, pb, dst, PORT, dstPort, (dst >>> 28) == 0xE ? 1 : UNICAST_TTL, true);
        responsesSent++;
    }

    void sendRequest(RipProcess.IfState st) {
        if (!st.up || st.passive) {
            return;
        }
        node.ipv4().sendUdpOn(st.itf, process.auth.toBuffer(RipPacket.wholeTableRequest(), st.auth), RipCodec.RIP2_ROUTERS.bits(), PORT,
                PORT, 1, true);
        requestsSent++;
    }
}
