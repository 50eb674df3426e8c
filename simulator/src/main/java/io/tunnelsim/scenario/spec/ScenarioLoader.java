package io.tunnelsim.scenario.spec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.Diagnostics;
import io.tunnelsim.topology.DidYouMean;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.Location;
import io.tunnelsim.topology.Names;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TimerRules;
import io.tunnelsim.topology.TopologyException;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.VariantCheck;
import io.tunnelsim.topology.VariantKey;
import io.tunnelsim.topology.VariantSection;
import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;
import io.tunnelsim.topology.YamlSource;

/**
 * Loads a scenario file and the topology (or topologies) it references into a validated
 * {@link ScenarioSpec}. Collects every problem in one pass and throws one
 * {@link ScenarioException}; diagnostics about a referenced topology name that topology's file.
 * The format is described in {@code docs/scenario-format.md}.
 */
public final class ScenarioLoader {

    /** Most probes one scenario may send (all flows together), so that results fit in memory. */
    public static final long MAX_PROBES = 10_000_000;

    private final YamlContext ctx;
    private final Path file;
    private long totalProbes;
    private boolean probeLimitReported;

    /** Folders referenced files must lie in (real paths); null: anywhere. */
    private List<Path> confinedTo;

    private ScenarioLoader(YamlContext ctx, Path file) {
        this.ctx = ctx;
        this.file = file;
    }

    /** Loads a scenario file and its topology, wherever the topology file lies. */
    public static ScenarioSpec load(Path file) throws ScenarioException {
        return load(file, null);
    }

    /**
     * Loads a scenario file; with {@code confinedTo} a list of folders, a {@code topology:} file
     * (its real path, symbolic links resolved) must lie inside one of them or is refused at its
     * key, unread. The command line passes the scenario's folder and the working directory.
     */
    public static ScenarioSpec load(Path file, List<Path> confinedTo) throws ScenarioException {
        Diagnostics d = new Diagnostics();
        YamlContext ctx = new YamlContext(file.toString(), d);
        ScenarioSpec spec = null;
        Node root = YamlSource.read(file, file.toString(), d);
        if (root != null) {
            try {
                ScenarioLoader loader = new ScenarioLoader(ctx, file);
                loader.confinedTo = confinedTo;
                spec = loader.read(root);
            } catch (RuntimeException | StackOverflowError e) {
                d.error(new Location(file.toString(), 1, 1), "internal error while reading the scenario ("
                        + e.getClass().getSimpleName() + "); please report this input");
            }
        }
        if (spec == null || d.hasErrors()) {
            throw new ScenarioException(d.sorted());
        }
        return spec;
    }

    /** A timeline entry before its target is checked against a topology. */
    private record RawAction(TimelineAction action, Node targetNode) {
    }

    private ScenarioSpec read(Node root) {
        YamlMap top = ctx.checkRoot(root, "the scenario (expected name:, topology:, duration:, ...)")
                ? ctx.map(root, "the scenario (expected name:, topology:, duration:, ...)", ScenarioShapes.SCENARIO) : null;
        if (top == null) {
            return null;
        }
        String stem = file.getFileName() == null ? "scenario" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = top.string("name", Names.pathNameFrom(stem));
        if (top.has("name") && !Names.checkPathName(ctx, top.get("name"), "scenario name", name)) {
            name = Names.pathNameFrom(name);
        }
        TopologySpec topology = null;
        if (top.require("topology", "a scenario")) {
            topology = topology(top.get("topology"), name);
        }
        long duration = 0;
        if (top.require("duration", "a scenario")) {
            OptionalLong d = top.optionalDuration("duration");
            if (d.isPresent() && d.getAsLong() <= 0) {
                ctx.error(top.get("duration"), "duration must be above 0");
            }
            duration = d.orElse(0);
        }
        long seed = top.integer("seed", 1, 0, Long.MAX_VALUE);
        long warmup = top.duration("warmup", 0);
        if (duration > 0 && warmup >= duration) {
            ctx.error(top.get("warmup"), "warmup " + SimTime.formatShort(warmup) + " is not before the end of the run ("
                    + SimTime.formatShort(duration) + ")");
        }
        List<ProbeSpec> probes = new ArrayList<>();
        List<YamlMap> probeNodes = new ArrayList<>();
        readProbes(top, duration, warmup, probes, probeNodes);
        List<RawAction> timeline = readTimeline(top, duration);
        List<VariantSpec> variants = readVariants(top, topology);
        SweepSpec sweep = readSweep(top);
        LiveSpec live = readLive(top, topology);

        if (topology != null) {
            checkReferences(topology, probes, probeNodes, timeline, "");
        }
        for (VariantSpec v : variants) {
            if (v.topology() != null && v.topology() != topology) {
                checkReferences(v.topology(), probes, probeNodes, timeline, " (in the topology of variant '" + v.name() + "')");
            }
            checkVariantRouting(v);
        }
        if (ctx.diagnostics().hasErrors()) {
            return null;
        }
        List<TimelineAction> actions = new ArrayList<>(timeline.stream().map(RawAction::action).toList());
        actions.sort((a, b) -> Long.compare(a.atNs(), b.atNs()));
        List<Diagnostic> warnings = ctx.diagnostics().warnings();
        return new ScenarioSpec(name, file, topology, duration, seed, warmup, probes, actions, variants, sweep, warnings, live);
    }

    /** {@code live: {segments: {LINK: TAPDEV, ...}, lag-warning: 20ms}} (docs/live.md). */
    private LiveSpec readLive(YamlMap top, TopologySpec topology) {
        if (!top.has("live")) {
            return LiveSpec.NONE;
        }
        YamlMap l = ctx.map(top.get("live"), "'live' (expected {segments: {lan: tap0}})", ScenarioShapes.LIVE);
        if (l == null) {
            return LiveSpec.NONE;
        }
        long warn = l.duration("lag-warning", LiveSpec.DEFAULT_LAG_WARNING);
        if (warn <= 0 && l.has("lag-warning")) {
            ctx.error(l.get("lag-warning"), "lag-warning must be above 0");
        }
        Map<String, String> segs = new LinkedHashMap<>();
        if (l.require("segments", "'live'")) {
            YamlMap m = ctx.namedMap(l.get("segments"), "'live.segments' (link name: TAP device)");
            if (m != null) {
                for (YamlMap.Entry e : m.entries()) {
                    String dev = ctx.string(e.value(), "a TAP device name");
                    if (dev == null) {
                        continue;
                    }
                    String bad = io.tunnelsim.live.TapDevice.checkName(dev);
                    if (bad != null) {
                        ctx.error(e.value(), "TAP device '" + dev + "': " + bad);
                    }
                    if (topology != null && topology.links().stream().noneMatch(k -> k.name().equals(e.key()))) {
                        ctx.error(e.keyNode(), "no link named '" + e.key() + "' in topology " + topology.name()
                                + DidYouMean.hint(e.key(), topology.links().stream().map(k -> k.name()).toList()));
                    }
                    segs.put(e.key(), dev);
                }
                if (segs.isEmpty() && !ctx.diagnostics().hasErrors()) {
                    ctx.error(l.get("segments"), "'live.segments' names no link");
                }
            }
        }
        return new LiveSpec(segs, warn);
    }

    // ---- topology ----

    private TopologySpec topology(Node n, String scenarioName) {
        if (n instanceof MappingNode) {
            TopologySpec t = TopologyLoader.read(n, ctx, Optional.empty(), scenarioName);
            return t;
        }
        String rel = ctx.string(n, "'topology' (a file path or an inline mapping)");
        if (rel == null) {
            return null;
        }
        Path p;
        try {
            Path base = file.toAbsolutePath().getParent();
            p = base == null ? Path.of(rel) : base.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            ctx.error(n, "'" + rel + "' is not a valid path");
            return null;
        }
        if (confinedTo != null && !inside(p, confinedTo)) {
            ctx.error(n, "topology file '" + rel + "' is outside the scenario's folder and the working directory ("
                    + String.join(", ", confinedTo.stream().map(Path::toString).toList()) + "); it is not read. Move it"
                    + " below one of them, or pass --allow-outside to read files anywhere");
            return null;
        }
        if (!Files.isRegularFile(p)) {
            ctx.error(n, "topology file '" + rel + "' not found (looked for " + p + "; paths are relative to the scenario file)");
            return null;
        }
        try {
            TopologySpec t = TopologyLoader.load(p);
            // the topology file's warnings (graph and IPsec checks) are the scenario's too
            ctx.diagnostics().addAll(t.warnings());
            return t;
        } catch (TopologyException e) {
            ctx.diagnostics().addAll(e.diagnostics());
            ctx.error(n, "topology '" + rel + "' has " + e.errors().size() + " error(s), listed under " + p);
            return null;
        }
    }

    /** Whether the real path of {@code p} (or, for a missing file, its normalised path) lies below one of {@code roots}. */
    private static boolean inside(Path p, List<Path> roots) {
        Path real;
        try {
            real = p.toRealPath();
        } catch (java.io.IOException | SecurityException e) {
            real = p.toAbsolutePath().normalize();
        }
        for (Path r : roots) {
            if (real.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    // ---- probes ----

    private void readProbes(YamlMap top, long duration, long warmup, List<ProbeSpec> out, List<YamlMap> nodes) {
        if (!top.has("probes")) {
            return;
        }
        Map<String, ProbeSpec.Type> types = new LinkedHashMap<>();
        types.put("icmp", ProbeSpec.Type.ICMP);
        types.put("udp", ProbeSpec.Type.UDP);
        Set<String> names = new HashSet<>();
        List<Node> items = ctx.list(top.get("probes"), "'probes'");
        for (int i = 0; i < items.size(); i++) {
            YamlMap p = ctx.map(items.get(i), "a probe (expected {from: a, to: b})", ScenarioShapes.PROBE);
            if (p == null) {
                continue;
            }
            boolean ok = p.require("from", "a probe") & p.require("to", "a probe");
            String from = p.string("from", "");
            String to = p.string("to", "");
            String name = p.string("name", from + "-to-" + to);
            Names.checkText(ctx, p.nodeFor("name"), "probe name", name);
            if (!names.add(name)) {
                ctx.error(p.nodeFor("name"), "probe name '" + name + "' is used twice; give each probe its own name");
            }
            ProbeSpec.Type type = p.choice("type", types, ProbeSpec.Type.ICMP);
            long interval = p.duration("interval", SimTime.SECOND);
            if (interval <= 0) {
                ctx.error(p.nodeFor("interval"), "probe interval must be above 0");
            } else if (duration > 0) {
                totalProbes += duration / interval;
                if (totalProbes > MAX_PROBES && !probeLimitReported) {
                    probeLimitReported = true;
                    ctx.error(p.nodeFor("interval"), "probes every " + SimTime.formatShort(interval) + " for "
                            + SimTime.formatShort(duration) + " make more than " + MAX_PROBES
                            + " probes in the scenario (the limit, so results fit in memory); use a coarser interval");
                }
            }
            int size = (int) p.integer("size", 100, 28, 65535);
            long start = p.duration("start", warmup);
            if (duration > 0 && start >= duration) {
                ctx.error(p.nodeFor("start"), "probe start " + SimTime.formatShort(start) + " is not before the end of the run ("
                        + SimTime.formatShort(duration) + ")");
            }
            int port = (int) p.integer("port", 5001, 1, 65535);
            if (p.has("port") && type != ProbeSpec.Type.UDP) {
                ctx.error(p.get("port"), "'port' is only for type: udp");
            }
            Optional<Ipv4Address> toAddr = Optional.empty();
            Optional<io.tunnelsim.addr.Ipv6Address> toAddr6 = Optional.empty();
            if (!to.isEmpty() && Character.isDigit(to.charAt(0)) && to.contains(".") && !to.contains(":")) {
                toAddr = Optional.ofNullable(p.ipv4("to"));
            } else if (to.indexOf(':') != to.lastIndexOf(':')) {
                // two or more colons: an IPv6 address, never node:interface
                try {
                    toAddr6 = Optional.of(io.tunnelsim.addr.Ipv6Address.parse(to.trim()));
                } catch (IllegalArgumentException e) {
                    ctx.error(p.nodeFor("to"), "probe target: " + e.getMessage());
                    ok = false;
                }
                if (type == ProbeSpec.Type.UDP) {
                    ctx.error(p.nodeFor("type"), "IPv6 probes are ICMPv6 echo only; remove 'type: udp' or use an IPv4 target");
                    ok = false;
                }
                if (size < 48) {
                    ctx.error(p.nodeFor("size"), "an ICMPv6 echo needs at least 48 bytes (40 IPv6 + 8 ICMPv6)");
                    ok = false;
                }
            }
            boolean df = p.bool("df", false);
            boolean pmtud = p.bool("pmtud", false);
            ProbeSpec.SizeSweep sweep = ProbeSizing.sweep(ctx, p, type == ProbeSpec.Type.UDP ? 44 : 28);
            ok &= ProbeSizing.check(ctx, p, df, pmtud, sweep, !toAddr6.isPresent());
            if (ok) {
                out.add(new ProbeSpec(name, from, to.trim(), toAddr, toAddr6, type, interval, sweep.isOn() ? sweep.min() : size,
                        Math.max(start, warmup), port, df, pmtud, sweep));
                nodes.add(p);
            }
        }
    }

    // ---- timeline ----

    private List<RawAction> readTimeline(YamlMap top, long duration) {
        List<RawAction> out = new ArrayList<>();
        if (!top.has("timeline")) {
            return out;
        }
        List<Node> items = ctx.list(top.get("timeline"), "'timeline'");
        for (Node item : items) {
            YamlMap a = ctx.map(item, "a timeline entry (expected {at: 40s, action: link-down, link: ...})", ScenarioShapes.ACTION);
            if (a == null) {
                continue;
            }
            boolean ok = a.require("at", "a timeline entry") & a.require("action", "a timeline entry");
            long at = a.duration("at", -1);
            if (at >= 0 && duration > 0 && at > duration) {
                ctx.error(a.get("at"), "at " + SimTime.formatShort(at) + " is after the end of the run ("
                        + SimTime.formatShort(duration) + ")");
            }
            ActionType type = a.choice("action", ActionType.byName(), null);
            if (!ok || type == null || at < 0) {
                continue;
            }
            String key = type.target().key();
            for (ActionType.Target t : ActionType.Target.values()) {
                if (t != type.target() && a.has(t.key())) {
                    ctx.error(a.get(t.key()), type.yamlName() + " takes '" + key + ":', not '" + t.key() + ":'");
                }
            }
            Optional<TimelineAction.Impairment> impairment = Optional.empty();
            if (type == ActionType.IMPAIR) {
                if (!a.has("loss") && !a.has("delay")) {
                    ctx.error(a.node(), "impair needs 'loss' and/or 'delay'");
                }
                OptionalDouble loss = a.has("loss") ? OptionalDouble.of(a.fraction("loss", 0)) : OptionalDouble.empty();
                impairment = Optional.of(new TimelineAction.Impairment(loss, a.optionalDuration("delay")));
            } else {
                for (String k : new String[] {"loss", "delay"}) {
                    if (a.has(k)) {
                        ctx.error(a.get(k), "'" + k + "' is only for action: impair");
                    }
                }
            }
            if (!a.require(key, type.yamlName())) {
                continue;
            }
            String target = a.string(key, null);
            if (target == null) {
                continue;
            }
            target = target.trim();
            Optional<Endpoint> endpoint = Optional.empty();
            if (type.target() == ActionType.Target.INTERFACE || target.contains(":")) {
                try {
                    endpoint = Optional.of(Endpoint.parse(target));
                } catch (IllegalArgumentException e) {
                    ctx.error(a.get(key), e.getMessage());
                    continue;
                }
            }
            out.add(new RawAction(new TimelineAction(at, type, target, endpoint, impairment, ctx.at(a.node())),
                    a.get(key)));
        }
        return out;
    }

    // ---- references ----

    private void checkReferences(TopologySpec t, List<ProbeSpec> probes, List<YamlMap> probeNodes, List<RawAction> timeline,
                                 String suffix) {
        for (int i = 0; i < probes.size(); i++) {
            ProbeSpec p = probes.get(i);
            YamlMap m = probeNodes.get(i);
            NodeSpec from = t.node(p.from());
            if (from == null) {
                ctx.error(m.nodeFor("from"), "probe source node '" + p.from() + "' does not exist"
                        + DidYouMean.hint(p.from(), t.nodes().keySet()) + suffix);
            } else if (ProbeSpec.nodeAddress(from).isEmpty()) {
                ctx.error(m.nodeFor("from"), "probe source node '" + p.from() + "' has no IPv4 address" + suffix);
            }
            if (p.toAddress().isPresent() || p.toAddress6().isPresent()) {
                continue;
            }
            if (p.to().contains(":")) {
                Endpoint e;
                try {
                    e = Endpoint.parse(p.to());
                } catch (IllegalArgumentException ex) {
                    ctx.error(m.nodeFor("to"), ex.getMessage());
                    continue;
                }
                if (!checkEndpoint(t, e, m.nodeFor("to"), suffix)) {
                    continue;
                }
            } else if (t.node(p.to()) == null) {
                ctx.error(m.nodeFor("to"), "probe target '" + p.to() + "' is neither a node nor an address"
                        + DidYouMean.hint(p.to(), t.nodes().keySet()) + suffix);
                continue;
            }
            if (p.targetAddress(t).isEmpty()) {
                ctx.error(m.nodeFor("to"), "probe target '" + p.to() + "' has no IPv4 address" + suffix);
            }
        }
        for (RawAction r : timeline) {
            TimelineAction a = r.action();
            switch (a.type().target()) {
                case NODE -> {
                    if (t.node(a.target()) == null) {
                        ctx.error(r.targetNode(), "node '" + a.target() + "' does not exist"
                                + DidYouMean.hint(a.target(), t.nodes().keySet()) + suffix);
                    }
                }
                case INTERFACE -> checkEndpoint(t, a.endpoint().orElseThrow(), r.targetNode(), suffix);
                case LINK -> {
                    if (a.endpoint().isPresent()) {
                        if (checkEndpoint(t, a.endpoint().get(), r.targetNode(), suffix) && a.link(t).isEmpty()) {
                            ctx.error(r.targetNode(), "interface " + a.target() + " is not on any link" + suffix);
                        }
                    } else if (a.link(t).isEmpty()) {
                        List<String> linkNames = t.links().stream().map(l -> l.name()).toList();
                        ctx.error(r.targetNode(), "link '" + a.target() + "' does not exist (write a link name or node:interface)"
                                + DidYouMean.hint(a.target(), linkNames) + suffix);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private boolean checkEndpoint(TopologySpec t, Endpoint e, Node at, String suffix) {
        NodeSpec n = t.node(e.node());
        if (n == null) {
            ctx.error(at, "node '" + e.node() + "' does not exist" + DidYouMean.hint(e.node(), t.nodes().keySet()) + suffix);
            return false;
        }
        if (!n.interfaces().containsKey(e.iface())) {
            ctx.error(at, "node '" + e.node() + "' has no interface '" + e.iface() + "'"
                    + DidYouMean.hint(e.iface(), n.interfaces().keySet()) + suffix);
            return false;
        }
        return true;
    }

    // ---- variants and sweep ----

    private List<VariantSpec> readVariants(YamlMap top, TopologySpec topology) {
        List<VariantSpec> out = new ArrayList<>();
        if (!top.has("variants")) {
            out.add(new VariantSpec("default", RoutingProtocol.NONE, topology, Map.of(), Optional.empty()));
            return out;
        }
        Set<String> names = new HashSet<>();
        List<Node> items = ctx.list(top.get("variants"), "'variants'");
        if (items.isEmpty()) {
            ctx.error(top.get("variants"), "'variants' is empty; remove it to run one default variant");
        }
        for (int i = 0; i < items.size(); i++) {
            YamlMap v = ctx.map(items.get(i), "a variant (expected {name: x, routing: ospf})", ScenarioShapes.VARIANT);
            if (v == null) {
                continue;
            }
            v.require("name", "a variant");
            String name = v.string("name", "variant" + (i + 1));
            if (Names.checkPathName(ctx, v.nodeFor("name"), "variant name", name)
                    && !names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                ctx.error(v.nodeFor("name"), "variant name '" + name + "' is used twice (names differing only in case"
                        + " share a folder on some file systems)");
            }
            RoutingProtocol routing = v.choice("routing", RoutingProtocol.byName(), RoutingProtocol.NONE);
            TopologySpec vt = v.has("topology") ? topology(v.get("topology"), name) : topology;
            Map<String, Object> overrides = new LinkedHashMap<>();
            overrides(v, name, routing, vt, VariantKey.Place.AFTER_TOPOLOGY, overrides);
            overrides(v, name, routing, vt, VariantKey.Place.BEFORE_KEEPALIVE, overrides);
            Optional<KeepaliveSpec> keepalive = Optional.empty();
            if (v.has("keepalive")) {
                YamlMap k = ctx.map(v.get("keepalive"), "'keepalive' (expected {period: 10s, retries: 3})", io.tunnelsim.topology.TopologyShapes.KEEPALIVE);
                if (k != null) {
                    long period = k.duration("period", KeepaliveSpec.DEFAULT.periodNs());
                    TimerRules.keepalive(k, period);
                    keepalive = Optional.of(new KeepaliveSpec(period,
                            (int) k.integer("retries", KeepaliveSpec.DEFAULT.retries(), 1, 255)));
                }
            }
            overrides(v, name, routing, vt, VariantKey.Place.AFTER_KEEPALIVE, overrides);
            out.add(new VariantSpec(name, routing, vt, overrides, keepalive));
            ctx.mark("variants/" + name, v.node());
        }
        return out;
    }

    /**
     * The variant's keys of the protocol modules at one {@link VariantKey.Place} ({@code ospf:},
     * {@code rip:}; {@code track:}; {@code bfd:}), each read by its module's
     * {@link ProtocolModule#variantKey()} in registration order into {@code out}. A key that takes
     * {@code true} ({@link VariantKey#whenTrue()}) reads any value but a mapping as a boolean. The
     * module checks its record against the routing choice ({@link VariantKey#checkRouting}); for a
     * module with a routing choice, overrides when the variant's routing choice is another
     * protocol's have no effect, which is a warning.
     */
    private void overrides(YamlMap v, String name, RoutingProtocol routing, TopologySpec vt, VariantKey.Place place,
                           Map<String, Object> out) {
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            VariantKey<?> hook = m.variantKey();
            String key = m.nodeKey();
            if (hook == null || hook.place() != place || !v.has(key)) {
                continue;
            }
            read(hook, v, key, name, routing, vt, out);
            if (m.routingChoice().isPresent() && routing != RoutingProtocol.NONE && !m.routingChoice().equals(Optional.of(routing))) {
                ctx.warning(v.get(key), "variant '" + name + "' runs " + routing.yamlName() + "; its " + key
                        + " overrides have no effect");
            }
        }
    }

    private <O> void read(VariantKey<O> hook, YamlMap v, String key, String name, RoutingProtocol routing, TopologySpec vt,
                          Map<String, Object> out) {
        Node value = v.get(key);
        O record = null;
        if (hook.whenTrue() != null && !(value instanceof MappingNode)) {
            if (v.bool(key, false)) {
                record = hook.whenTrue();
            }
        } else {
            YamlMap o = ctx.map(value, "'" + key + "' overrides", hook.shape());
            if (o != null) {
                record = hook.read(new VariantSection(ctx, o, routing, vt));
            }
        }
        if (record != null) {
            out.put(key, record);
            hook.checkRouting(new VariantCheck(ctx, name, ctx.at(value), routing, vt), record);
        }
    }

    private void checkVariantRouting(VariantSpec v) {
        TopologySpec t = v.topology();
        if (t == null) {
            return;
        }
        Location at = ctx.locations().of("variants/" + v.name());
        boolean tunnels = t.nodes().values().stream()
                .anyMatch(n -> n.interfaces().values().stream().anyMatch(i -> i.tunnel().isPresent()));
        if (v.routing() != RoutingProtocol.NONE && !tunnels) {
            ctx.diagnostics().warning(at, "variant '" + v.name() + "' selects " + v.routing().yamlName()
                    + " routing, which is generated over GRE tunnels, but its topology has none");
        }
        RoutingProtocol effective = v.routing() == RoutingProtocol.NONE ? t.routing() : v.routing();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            if (m.routingChoice().filter(effective::equals).isPresent()) {
                m.checkChoice(new VariantCheck(ctx, v.name(), at, effective, t));
            }
        }
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            Object record = v.overrides().get(m.nodeKey());
            if (m.variantKey() != null && record != null) {
                check(m.variantKey(), new VariantCheck(ctx, v.name(), at, v.routing(), t), record);
            }
        }
    }

    private static <O> void check(VariantKey<O> hook, VariantCheck in, Object record) {
        hook.checkVariant(in, hook.type().cast(record));
    }

    private SweepSpec readSweep(YamlMap top) {
        if (!top.has("sweep")) {
            return SweepSpec.DEFAULT;
        }
        YamlMap s = ctx.map(top.get("sweep"), "'sweep'", ScenarioShapes.SWEEP);
        if (s == null) {
            return SweepSpec.DEFAULT;
        }
        return new SweepSpec(s.optionalDuration("shift"), (int) s.integer("runs", SweepSpec.DEFAULT.runs(), 1, 100_000));
    }
}
