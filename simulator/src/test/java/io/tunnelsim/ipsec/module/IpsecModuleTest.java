package io.tunnelsim.ipsec.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TopologyException;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologyShapes;
import io.tunnelsim.topology.TopologySpec;

class IpsecModuleTest {

    /** Two routers with a GRE tunnel between them, the tunnels' extra keys and the root's ipsec: section. */
    private static String pair(String hqExtra, String brExtra, String ipsec) {
        return """
                nodes:
                  hq:
                    interfaces:
                      eth0: {address: 192.0.2.1/30}
                      tunnel0: {address: 172.16.0.1/30, tunnel: {source: eth0, destination: 192.0.2.2}%s}
                  br:
                    interfaces:
                      eth0: {address: 192.0.2.2/30}
                      tunnel0: {address: 172.16.0.2/30, tunnel: {source: eth0, destination: 192.0.2.1}%s}
                links:
                  - {endpoints: ["hq:eth0", "br:eth0"]}
                """.formatted(hqExtra, brExtra) + ipsec;
    }

    @Test
    void ipsecIsRegisteredUnderItsRootKey() {
        NetworkModule<?> m = NetworkModules.byKey("ipsec");
        assertTrue(m instanceof IpsecModule);
        assertSame(IpsecProfiles.class, m.sectionType());
        assertTrue(m.showTables().containsKey("sa"));
        assertEquals(java.util.Set.of("sa"), m.showJsonRows().keySet());
        assertEquals(java.util.Set.of("esp_sa"), m.captureFiles().keySet());
        assertEquals(List.of("protection", "crypto-map"), List.of(m.interfaceKeys().names()));
        assertEquals(null, NetworkModules.byKey("nodes"), "the root's own keys belong to no module");
    }

    @Test
    void aNodeWithoutIpsecHasNoSaRowsAndTheNetworkNoKeys() {
        NetworkModule<?> m = NetworkModules.byKey("ipsec");
        io.tunnelsim.node.Network net = new io.tunnelsim.node.Network(1);
        io.tunnelsim.node.Router r = net.addRouter("r1");
        io.tunnelsim.json.JsonWriter w = new io.tunnelsim.json.JsonWriter().beginArray();
        m.showJsonRows().get("sa").accept(r, w);
        assertEquals("[]\n", w.endArray().toJson());
        assertEquals(List.of(), m.captureFiles().get("esp_sa").apply(net));
    }

    @Test
    void itsKeysKeepTheirPlaceInTheSchema() {
        Shape.Obj top = TopologyShapes.topology();
        assertEquals(List.of("name", "defaults", "nodes", "links", "ipsec", "routing"), List.of(top.names()));
        Shape.Obj node = (Shape.Obj) ((Shape.Named) top.key("nodes").shape()).value();
        Shape.Obj itf = (Shape.Obj) ((Shape.Named) node.key("interfaces").shape()).value();
        List<String> keys = List.of(itf.names());
        int tunnel = keys.indexOf("tunnel");
        assertEquals(List.of("tunnel", "protection", "crypto-map", "unreachables"), keys.subList(tunnel, keys.size()));
    }

    @Test
    void profilesAndInterfaceKeysAreRead() throws Exception {
        TopologySpec t = TopologyLoader.parse(pair(", protection: site", ", protection: site",
                "ipsec:\n  site: {esp: aes-cbc-128, auth: hmac-sha1-96, replay-window: 128, df-bit: clear}\n"), "t.yaml");
        IpsecProfiles p = t.section(IpsecProfiles.class).orElseThrow();
        assertSame(p, t.sections().get("ipsec"));
        IpsecProfileSpec site = IpsecModule.profiles(t).get("site");
        assertEquals(IpsecProfileSpec.Esp.AES_CBC_128, site.esp());
        assertEquals(IpsecProfileSpec.Auth.HMAC_SHA1_96, site.auth());
        assertEquals(128, site.replayWindow());
        assertEquals(io.tunnelsim.ipsec.IpsecPeer.DfBit.CLEAR, site.dfBit());
        var tun = t.node("hq").interfaces().get("tunnel0");
        assertEquals("site", IpsecModule.of(tun).protection().orElseThrow());
        assertTrue(IpsecModule.of(tun).cryptoMap().isEmpty());
        assertSame(IpsecModule.of(tun), tun.modules().get("ipsec"));
        assertSame(IpsecInterface.NONE, IpsecModule.of(t.node("hq").interfaces().get("eth0")));
        // without an ipsec: section the module's section is there and empty
        TopologySpec plain = TopologyLoader.parse(pair("", "", ""), "plain.yaml");
        assertTrue(IpsecModule.profiles(plain).byName().isEmpty());
    }

    @Test
    void anUndefinedProfileIsAnErrorAtTheInterfaceKey() {
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(
                pair(", protection: sit", ", protection: site", "ipsec:\n  site: {esp: aes-gcm-128}\n"), "ref.yaml"));
        assertTrue(e.getMessage().contains(
                "ref.yaml:5:101: error: ipsec profile 'sit' is not defined under 'ipsec' (did you mean 'site'?)"),
                e.getMessage());
        assertEquals(1, e.errors().size(), e.getMessage());
    }

    @Test
    void protectionOnOneEndIsAWarningNamingBothEnds() throws Exception {
        TopologySpec t = TopologyLoader.parse(pair(", protection: site", "", "ipsec:\n  site: {esp: aes-gcm-128}\n"),
                "one.yaml");
        assertEquals(1, t.warnings().size(), t.warnings().toString());
        String w = t.warnings().get(0).toString();
        assertTrue(w.startsWith("one.yaml:5:101: warning: tunnel hq:tunnel0 (one.yaml:5:101) is protected by 'site'"
                + " but its far end br:tunnel0 (one.yaml:9:7) has no protection"), w);
    }

    @Test
    void aCryptoMapOnALoopbackIsRefusedWithItsPosition() {
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse("""
                nodes:
                  a:
                    interfaces:
                      lo0: {address: 10.9.9.9/32, crypto-map: x}
                ipsec:
                  x: {esp: aes-gcm-128, mode: tunnel, peer: 10.0.0.2, local: 10.1.0.0/24, remote: 10.2.0.0/24}
                """, "lo.yaml"));
        assertTrue(e.getMessage().contains("lo.yaml:4:47: error: a loopback cannot carry a crypto map"), e.getMessage());
    }
}
