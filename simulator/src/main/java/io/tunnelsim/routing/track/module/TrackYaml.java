package io.tunnelsim.routing.track.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.DidYouMean;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.SpecValues;
import io.tunnelsim.topology.StaticBfdSpec;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;

/**
 * Reads a router's {@code track:} section into {@link Tracks}, defaults applied, and declares
 * its keys: each tracked object by number, an IP SLA {@code icmp-echo} (IOS defaults: one probe
 * every 60 s, 5 s timeout) or a BFD session ({@code bfd: PEER}). The keys are described in
 * {@code docs/topology-format.md}.
 */
public final class TrackYaml {

    /** One tracked object. */
    static final Shape.Obj TRACK = Shape.obj("A tracked object: an IP SLA icmp-echo, or a BFD session.")
            .key("icmp-echo", Shape.IPV4, "Target of the IP SLA echo.")
            .key("source", Shape.TEXT, "Source interface.")
            .key("frequency", Shape.DURATION, "Interval between echoes (default 60s).")
            .key("timeout", Shape.DURATION, "Echo timeout (default 5s, at most the frequency).")
            .key("up-delay", Shape.DURATION, "Delay before the track goes up.")
            .key("down-delay", Shape.DURATION, "Delay before the track goes down.")
            .key("bfd", Shape.IPV4, "Follow the BFD session to this peer instead of an echo.");

    /** The node's {@code track:} section: tracked objects by number. */
    static final Shape SECTION = Shape.namedMap("[0-9]+", TRACK);

    /** The section's description in the topology's JSON Schema. */
    static final String DESCRIPTION = "Tracked objects, by number 1..1000.";

    private TrackYaml() {
    }

    /** The section, or null when it is not a mapping (reported). */
    static Tracks read(NodeSection in) {
        YamlContext ctx = in.context();
        String node = in.node();
        YamlMap tm = ctx.namedMap(in.value(), "'track' of node '" + node + "'");
        if (tm == null) {
            return null;
        }
        Map<Integer, TrackSpec> out = new LinkedHashMap<>();
        for (YamlMap.Entry e : tm.entries()) {
            int id;
            try {
                long v = SpecValues.integer(e.key());
                if (v < 1 || v > 1000) {
                    throw new IllegalArgumentException();
                }
                id = (int) v;
            } catch (IllegalArgumentException ex) {
                ctx.error(e.keyNode(), "track number '" + YamlContext.abbreviate(e.key()) + "' must be a number 1..1000");
                continue;
            }
            String path = "nodes/" + node + "/track/" + id;
            ctx.mark(path, e.keyNode());
            YamlMap t = ctx.map(e.value(), "track " + id, TRACK);
            if (t == null) {
                continue;
            }
            in.markAll(path, t);
            if (t.has("bfd")) {
                TrackSpec bt = bfdTrack(ctx, t, id, in.interfaces());
                if (bt != null) {
                    out.put(id, bt);
                }
                continue;
            }
            Ipv4Address target = null;
            if (t.require("icmp-echo", "track " + id + " (or 'bfd: PEER')")) {
                target = t.ipv4("icmp-echo");
            }
            Optional<String> source = Optional.empty();
            if (t.has("source")) {
                String s = t.string("source", null);
                if (s != null && in.checkInterface(t.get("source"), s, "track source interface")) {
                    source = Optional.of(s);
                }
            }
            long freq = t.duration("frequency", SimTime.seconds(60));
            long timeout = t.duration("timeout", Math.min(SimTime.seconds(5), freq));
            TimerRules.track(t, freq, timeout);
            long upDelay = t.duration("up-delay", 0);
            long downDelay = t.duration("down-delay", 0);
            TimerRules.TRACK_DELAY.check(t, "up-delay", upDelay);
            TimerRules.TRACK_DELAY.check(t, "down-delay", downDelay);
            out.put(id, new TrackSpec(id, target, source, freq, timeout, upDelay, downDelay));
        }
        return new Tracks(out);
    }

    /**
     * A track that follows a BFD session: {@code {bfd: PEER, source: IFACE, up-delay, down-delay}};
     * single hop when the peer is on a connected subnet, else multihop from the address of
     * {@code source} (default: the highest loopback). IP SLA keys are refused. Null after an error.
     */
    private static TrackSpec bfdTrack(YamlContext ctx, YamlMap t, int id, Map<String, InterfaceSpec> interfaces) {
        for (String k : new String[] {"icmp-echo", "frequency", "timeout"}) {
            if (t.has(k)) {
                ctx.error(t.nodeFor(k), "track " + id + " follows BFD: '" + k + "' is an IP SLA setting"
                        + " (the session's timers decide); remove it or 'bfd'");
                return null;
            }
        }
        Ipv4Address peer = t.ipv4("bfd");
        if (peer == null) {
            return null;
        }
        Optional<Ipv4Address> source = Optional.empty();
        String s = t.string("source", null);
        if (s != null) {
            InterfaceSpec i = interfaces.get(s);
            if (i == null || i.address().isEmpty()) {
                ctx.error(t.nodeFor("source"), "track source interface '" + YamlContext.abbreviate(s)
                        + "' does not exist or has no IPv4 address" + DidYouMean.hint(s, interfaces.keySet()));
                return null;
            }
            source = Optional.of(i.address().get().address());
        }
        StaticBfdSpec b = StaticBfdSpec.resolve(ctx, t.nodeFor("bfd"), peer, source, Optional.empty(), interfaces, 254);
        if (b == null) {
            return null;
        }
        long upDelay = t.duration("up-delay", 0);
        long downDelay = t.duration("down-delay", 0);
        TimerRules.TRACK_DELAY.check(t, "up-delay", upDelay);
        TimerRules.TRACK_DELAY.check(t, "down-delay", downDelay);
        return new TrackSpec(id, peer, Optional.empty(), 0, 0, upDelay, downDelay, Optional.of(b));
    }
}
