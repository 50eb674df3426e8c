package io.tunnelsim.topology;

import io.tunnelsim.ipsec.module.IpsecProfileSpec;
import io.tunnelsim.ipsec.module.IpsecModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.routing.ospf.NetworkType;
import io.tunnelsim.routing.ospf.OspfInterfaceSpec;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.routing.ospf.SpfThrottle;
import io.tunnelsim.routing.rip.RipSpec;
import io.tunnelsim.routing.track.module.TrackSpec;
import io.tunnelsim.routing.track.module.Tracks;
import io.tunnelsim.sim.SimTime;

class TopologyLoaderTest {

    static final Path FULL = Path.of("src/test/resources/yaml/two-site-full.yaml");

    @Test
    void fullExampleLoadsIntoRecords() throws Exception {
        TopologySpec t = TopologyLoader.load(FULL);
        assertEquals("two-site-dual-isp", t.name());
        assertEquals(FULL, t.file().orElseThrow());
        assertEquals(new LinkDefaults(SimTime.millis(10), 100_000_000L, 1500, 0.0, 100), t.defaults());
        assertEquals(List.of("hq", "branch", "isp-a", "isp-b", "hq-pc", "hq-pc2", "branch-pc"), List.copyOf(t.nodes().keySet()));
        assertEquals(RoutingProtocol.named("ospf"), t.routing());

        NodeSpec hq = t.node("hq");
        assertEquals(NodeSpec.Kind.ROUTER, hq.kind());
        InterfaceSpec eth0 = hq.interfaces().get("eth0");
        assertEquals(InterfaceSpec.Kind.ETHERNET, eth0.kind());
        assertEquals(Ipv4Prefix.parse("203.0.113.2/30"), eth0.address().orElseThrow());
        assertEquals(SimTime.millis(5), eth0.delayNs(), "interface delay follows its link");
        assertEquals("lan-to-lan", IpsecModule.of(hq.interfaces().get("eth1")).cryptoMap().orElseThrow());
        assertEquals(Ipv6Prefix.parse("2001:db8:1::1/64"), hq.interfaces().get("lan0").ipv6().orElseThrow());
        assertEquals(1_000_000_000L, hq.interfaces().get("lan0").bandwidthBps());
        assertEquals(InterfaceSpec.Kind.LOOPBACK, hq.interfaces().get("lo0").kind());

        InterfaceSpec tun = hq.interfaces().get("tunnel0");
        assertEquals(InterfaceSpec.Kind.TUNNEL, tun.kind());
        assertEquals(1400, tun.mtu());
        assertEquals(InterfaceSpec.TUNNEL_BANDWIDTH, tun.bandwidthBps());
        assertEquals("site-ipsec", IpsecModule.of(tun).protection().orElseThrow());
        TunnelSpec gre = tun.tunnel().orElseThrow();
        assertEquals("eth0", gre.sourceInterface());
        assertTrue(gre.sourceAddress().isEmpty());
        assertEquals(Ipv4Address.parse("198.51.100.2"), gre.destination());
        assertEquals(OptionalLong.of(100), gre.key());
        assertEquals(new KeepaliveSpec(SimTime.seconds(10), 3), gre.keepalive().orElseThrow());
        assertEquals(SimTime.seconds(60), gre.recursionHoldNs());
        assertEquals(28, gre.overhead());

        assertEquals(4, hq.staticRoutes().size());
        StaticRouteSpec floating = hq.staticRoutes().get(2);
        assertEquals(Ipv4Prefix.parse("10.2.0.0/24"), floating.prefix());
        assertEquals(250, floating.distance());
        assertEquals(OptionalInt.of(1), hq.staticRoutes().get(3).track());
        assertEquals(1, hq.staticRoutesV6().size());
        assertEquals("tunnel0", hq.staticRoutesV6().get(0).iface().orElseThrow());
        TrackSpec track = hq.protocol(Tracks.class).orElseThrow().byNumber().get(1);
        assertEquals(new TrackSpec(1, Ipv4Address.parse("198.51.100.2"), java.util.Optional.of("eth0"),
                SimTime.seconds(5), SimTime.seconds(2), 0, 0), track);

        OspfSpec ospf = hq.protocol(OspfSpec.class).orElseThrow();
        assertEquals(Ipv4Address.parse("1.1.1.1"), ospf.routerId());
        assertEquals(new SpfThrottle(SimTime.millis(50), SimTime.millis(200), SimTime.seconds(5)), ospf.spf());
        OspfInterfaceSpec o = ospf.interfaces().get("tunnel0");
        assertEquals(10, o.cost());
        assertEquals(SimTime.seconds(40), o.deadNs());
        assertEquals(NetworkType.POINT_TO_POINT, o.network());
        assertTrue(ospf.interfaces().get("lan0").passive());
        assertEquals(NetworkType.BROADCAST, ospf.interfaces().get("lan0").network());
        assertTrue(ospf.interfaces().get("lo0").passive(), "loopbacks are passive");

        RipSpec rip = hq.protocol(RipSpec.class).orElseThrow();
        assertEquals(RipSpec.SplitHorizon.POISON, rip.splitHorizon());
        assertEquals(RipSpec.Timers.DEFAULT, rip.timers());
        assertTrue(rip.interfaces().get("lan0").passive());

        NodeSpec branch = t.node("branch");
        TunnelSpec bgre = branch.interfaces().get("tunnel0").tunnel().orElseThrow();
        assertEquals("eth0", bgre.sourceInterface(), "an address source resolves to its interface");
        assertEquals(Ipv4Address.parse("198.51.100.2"), bgre.sourceAddress().orElseThrow());
        assertEquals(KeepaliveSpec.DEFAULT, bgre.keepalive().orElseThrow());
        assertEquals(1500 - 28, branch.interfaces().get("tunnel0").mtu(), "tunnel MTU = source MTU - GRE with key");
        assertEquals(SpfThrottle.CLASSIC, branch.protocol(OspfSpec.class).orElseThrow().spf());
        OspfInterfaceSpec bt = branch.protocol(OspfSpec.class).orElseThrow().interfaces().get("tunnel0");
        assertEquals(1000, bt.cost(), "100 Mbps reference over a 100 kbps tunnel");
        assertEquals(SimTime.seconds(10), bt.helloNs());
        assertEquals(Ipv4Address.parse("2.2.2.2"), branch.protocol(OspfSpec.class).orElseThrow().routerId(), "router id from the loopback");
        assertEquals(RipSpec.SplitHorizon.SIMPLE, branch.protocol(RipSpec.class).orElseThrow().splitHorizon());

        assertEquals(Ipv4Address.parse("10.1.0.1"), t.node("hq-pc").interfaces().get("eth0").gateway().orElseThrow());

        assertEquals(6, t.links().size());
        LinkSpec first = t.links().get(0);
        assertEquals("hq:eth0--isp-a:eth0", first.name());
        assertEquals(SimTime.millis(5), first.delayNs());
        assertFalse(first.multiAccess());
        assertEquals(0.01, t.link("isp-b-branch").orElseThrow().loss(), 1e-12);
        LinkSpec lan = t.link("lan-hq").orElseThrow();
        assertTrue(lan.multiAccess());
        assertEquals(3, lan.endpoints().size());
        assertTrue(t.link("lan-branch").orElseThrow().multiAccess());
        assertEquals(lan, t.linkOf(new Endpoint("hq-pc2", "eth0")).orElseThrow());

        IpsecProfileSpec site = IpsecModule.profiles(t).get("site-ipsec");
        assertEquals(IpsecProfileSpec.Esp.AES_GCM_128, site.esp());
        assertEquals(IpsecProfileSpec.Auth.NONE, site.auth());
        assertEquals(IpsecProfileSpec.Mode.TRANSPORT, site.mode());
        assertTrue(site.keys().isEmpty());
        assertEquals(SimTime.HOUR, site.lifetimeNs());
        IpsecProfileSpec l2l = IpsecModule.profiles(t).get("lan-to-lan");
        assertEquals(IpsecProfileSpec.Mode.TUNNEL, l2l.mode());
        IpsecProfileSpec.ManualKeys k = l2l.keys().orElseThrow();
        assertEquals(0x1001, k.spiIn());
        assertEquals(0x1002, k.spiOut());
        assertEquals("000102030405060708090a0b0c0d0e0f", k.keyIn());
        assertEquals(32, SpecValues.hexBytes(k.authIn()).length);
        assertEquals(Ipv4Prefix.parse("10.2.0.0/24"), l2l.remote().orElseThrow());

        // hq's tunnel0 has mtu 1400, branch's the automatic 1472, and both run OSPF: the one warning
        assertEquals(1, t.warnings().size(), () -> t.warnings().toString());
        assertTrue(t.warnings().get(0).message().startsWith("IP MTU differs across tunnel hq:tunnel0"), () -> t.warnings().toString());
        assertEquals(FULL.toString(), t.locations().of("nodes/hq/interfaces/tunnel0").file());
        assertEquals(13, t.locations().of("nodes/hq/interfaces/tunnel0").line());
    }

    @Test
    void parseAndLoadAgree() throws Exception {
        String text = java.nio.file.Files.readString(FULL);
        TopologySpec a = TopologyLoader.parse(text, FULL.toString());
        TopologySpec b = TopologyLoader.load(FULL);
        assertEquals(b.nodes(), a.nodes());
        assertEquals(b.links(), a.links());
        assertEquals(b.sections(), a.sections());
    }

    @Test
    void builtInDefaultsApply() throws Exception {
        TopologySpec t = TopologyLoader.parse(TopologyTestSupport.SMALL, "small.yaml");
        LinkSpec l = t.links().get(0);
        assertEquals(LinkDefaults.BUILT_IN.delayNs(), l.delayNs());
        assertEquals(100, l.queuePackets());
        InterfaceSpec tun = t.node("r1").interfaces().get("tunnel0");
        assertEquals(1476, tun.mtu());
        assertTrue(tun.tunnel().orElseThrow().keepalive().isEmpty(), "keepalives are off unless configured");
        assertEquals(SimTime.millis(50), tun.delayNs());
        OspfSpec ospf = t.node("r1").protocol(OspfSpec.class).orElseThrow();
        assertEquals(SpfThrottle.MODERN, ospf.spf());
        assertEquals(Ipv4Address.parse("1.1.1.1"), ospf.routerId());
        assertEquals(0, ospf.interfaces().get("tunnel0").area());
        assertEquals(1, ospf.interfaces().get("lan0").cost());
        assertEquals(Ipv4Address.parse("172.16.0.2"),
                TopologyReader.defaultRouterId(t.node("r2").interfaces()), "no loopback: highest address");
        assertEquals(RoutingProtocol.NONE, t.routing());
    }

    @Test
    void mergeKeysAndAliasesWork() throws Exception {
        String yaml = """
                defaults:
                  link: &fast {delay: 1ms, bandwidth: 1Gbps}
                nodes:
                  a: {interfaces: {eth0: {address: 10.0.0.1/30}}}
                  b: {interfaces: {eth0: {address: 10.0.0.2/30}}}
                links:
                  - {<<: *fast, endpoints: ["a:eth0", "b:eth0"], delay: 7ms}
                """;
        TopologySpec t = TopologyLoader.parse(yaml, "m.yaml");
        assertEquals(SimTime.millis(7), t.links().get(0).delayNs());
        assertEquals(1_000_000_000L, t.links().get(0).bandwidthBps());
        assertEquals("m", t.name());
    }

    @Test
    void diagnosticFormat() {
        Diagnostic d = new Diagnostic("x.yaml", 3, 7, Diagnostic.Severity.ERROR, "boom");
        assertEquals("x.yaml:3:7: error: boom", d.toString());
        assertEquals("x.yaml:1:2: warning: w", Diagnostic.warning(new Location("x.yaml", 1, 2), "w").toString());
    }
}
