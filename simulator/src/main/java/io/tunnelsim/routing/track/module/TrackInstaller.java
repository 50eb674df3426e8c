package io.tunnelsim.routing.track.module;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.bfd.BfdTrack;
import io.tunnelsim.routing.track.IpSla;
import io.tunnelsim.routing.track.IpSlaConfig;
import io.tunnelsim.routing.track.Track;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.OverlayRouter;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a router's configured tracked objects on a built node, in track-number file order:
 * an IP SLA icmp-echo operation and the track that follows it, or a track that follows a BFD
 * session ({@link BfdTrack}); creates the tracks of {@code routing: static} on an overlay router
 * ({@link #generated}); and answers {@code show track}, as text and as JSON rows (for a
 * track that follows a BFD session, the object names the session instead of the IP SLA block).
 */
public final class TrackInstaller {
    private TrackInstaller() {
    }

    /** The tracked objects of a configured {@code track:} section. */
    public static void configured(Tracks tracks, Node n) {
        for (TrackSpec t : tracks.byNumber().values()) {
            if (t.bfd().isPresent()) {
                BfdTrack.create(n, t.id(), t.bfd().get(), t.upDelayNs(), t.downDelayNs());
                continue;
            }
            IpSlaConfig c = IpSlaConfig.icmpEcho(t.id(), t.target()).withTimers(t.frequencyNs(), t.timeoutNs());
            if (t.sourceInterface().isPresent()) {
                c = c.withSourceInterface(t.sourceInterface().get());
            }
            Track.create(n, t.id(), IpSla.create(n, c), t.upDelayNs(), t.downDelayNs());
        }
    }

    /**
     * The IP SLA operations and tracks a {@code routing: static} choice generates on an overlay
     * router: one icmp-echo to each tracked tunnel's far end, sourced from the tunnel, with the
     * variant's {@code track:} timers over the defaults (frequency 60 s, timeout the smaller of
     * 5 s and the frequency); a note per track.
     */
    static void generated(OverlayRouter router, Node n) {
        Map<Integer, OverlayRouter.TrackedTunnel> tracked = router.trackedTunnels();
        if (tracked.isEmpty()) {
            return;
        }
        TrackOverrides o = router.overrides(TrackOverrides.class).orElseThrow();
        long frequency = o.frequencyNs().orElse(IpSlaConfig.DEFAULT_FREQUENCY);
        long timeout = o.timeoutNs().orElse(Math.min(IpSlaConfig.DEFAULT_TIMEOUT, frequency));
        for (var e : tracked.entrySet()) {
            Ipv4Address far = e.getValue().farEnd();
            IpSlaConfig c = IpSlaConfig.icmpEcho(e.getKey(), far).withSourceInterface(e.getValue().tunnel())
                    .withTimers(frequency, timeout);
            Track.create(n, e.getKey(), IpSla.create(n, c), 0, 0);
            router.note(router.node().name() + ": track " + e.getKey() + " ip sla icmp-echo " + far + " via "
                    + e.getValue().tunnel() + " every " + SimTime.formatShort(frequency));
        }
    }

    /** {@code show track}: one block per tracked object, as IOS prints it; null when the node has none. */
    public static String showTrack(Node n) {
        StringBuilder sb = new StringBuilder();
        for (var s : n.services()) {
            if (s instanceof Track t) {
                var sla = t.sla();
                sb.append("Track ").append(t.id()).append('\n')
                        .append("  ").append(sla == null ? t.object() : "IP SLA " + sla.id() + " state").append('\n')
                        .append("  State is ").append(t.isUp() ? "Up" : "Down").append('\n')
                        .append("    ").append(t.changes()).append(" change").append(t.changes() == 1 ? "" : "s")
                        .append(", last change ").append(t.lastChange() < 0 ? "never" : "at " + SimTime.formatShort(t.lastChange())).append('\n');
                if (sla == null) {
                    continue; // a BFD session: its timers and counters are in the BFD tables
                }
                sb.append("  Latest operation return code: ").append(sla.lastReturnCode()).append('\n')
                        .append("  IP SLA ").append(sla.id()).append(": icmp-echo ").append(sla.config().target())
                        .append(", frequency ").append(SimTime.formatShort(sla.config().frequency()))
                        .append(", timeout ").append(SimTime.formatShort(sla.config().timeout()))
                        .append("; ").append(sla.successes()).append(" ok, ").append(sla.failures()).append(" failed\n");
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * The {@code track} rows, one per tracked object in the node's service order; times in
     * seconds, {@code last_change} null before the first change. Nothing when the node has none.
     */
    public static void trackRows(Node n, JsonWriter w) {
        for (var s : n.services()) {
            if (s instanceof Track t) {
                var sla = t.sla();
                w.beginObject().member("track", t.id());
                if (sla == null) {
                    w.member("object", t.object());
                } else {
                    w.member("ip_sla", sla.id());
                }
                w.member("up", t.isUp()).member("changes", t.changes()).name("last_change");
                if (t.lastChange() < 0) {
                    w.nullValue();
                } else {
                    w.seconds(t.lastChange());
                }
                if (sla == null) {
                    w.endObject();
                    continue;
                }
                w.member("return_code", sla.lastReturnCode().name().toLowerCase(Locale.ROOT))
                        .member("target", sla.config().target().toString())
                        .name("frequency").seconds(sla.config().frequency()).name("timeout").seconds(sla.config().timeout())
                        .member("successes", sla.successes()).member("failures", sla.failures()).endObject();
            }
        }
    }
}
