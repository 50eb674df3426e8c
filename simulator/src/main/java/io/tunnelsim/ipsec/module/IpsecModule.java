package io.tunnelsim.ipsec.module;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.tunnelsim.ipsec.IpsecSetup;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.Diagnostics;
import io.tunnelsim.topology.InterfaceSection;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NetworkInstall;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.RootSection;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.TopologySpec;

/**
 * IPsec as a network module: the topology's {@code ipsec:} profiles ({@link IpsecYaml}), the
 * interface keys naming them ({@code protection} on a tunnel, {@code crypto-map} on an Ethernet
 * interface), the reference checks ({@link IpsecReferenceCheck}: errors) and the checks across
 * the two ends of a protected tunnel ({@link IpsecConsistencyCheck}: warnings), the installation
 * on each pair of ends once the network is built ({@link IpsecWiring}),
 * {@code show crypto ipsec sa} ({@link IpsecShow}, table {@code sa}, as text and as JSON rows),
 * and Wireshark's key table {@code esp_sa} beside a run's captures
 * ({@link IpsecSetup#espSaLines}).
 *
 * <p>The tunnel's own {@code keepalive-protection} key stays with the tunnel ({@code TunnelSpec}):
 * the tunnel interface honours it; this module only warns when it is written without
 * {@code protection}.
 */
public final class IpsecModule implements NetworkModule<IpsecProfiles> {

    /** The module's root key, also its key in {@link InterfaceSpec#modules()}. */
    public static final String KEY = "ipsec";

    @Override
    public String rootKey() {
        return KEY;
    }

    @Override
    public Class<IpsecProfiles> sectionType() {
        return IpsecProfiles.class;
    }

    @Override
    public Shape rootShape() {
        return Shape.namedMap(null, IpsecYaml.PROFILE);
    }

    @Override
    public String rootDescription() {
        return "IPsec profiles, by name.";
    }

    @Override
    public IpsecProfiles readRoot(RootSection in) {
        return IpsecYaml.read(in);
    }

    @Override
    public Shape.Obj interfaceKeys() {
        return IpsecYaml.INTERFACE_KEYS;
    }

    @Override
    public Object readInterface(InterfaceSection in) {
        return IpsecYaml.readInterface(in);
    }

    @Override
    public void checkReferences(TopologySpec spec, Diagnostics out) {
        IpsecReferenceCheck.check(spec, out);
    }

    @Override
    public List<Diagnostic> checkNetwork(TopologySpec spec) {
        return new IpsecConsistencyCheck(spec).check();
    }

    @Override
    public void install(NetworkInstall ctx) {
        IpsecWiring.install(ctx);
    }

    @Override
    public Map<String, Function<Node, String>> showTables() {
        return Map.of("sa", IpsecShow::cryptoIpsecSa);
    }

    @Override
    public Map<String, BiConsumer<Node, JsonWriter>> showJsonRows() {
        return Map.of("sa", IpsecShow::saRows);
    }

    @Override
    public Map<String, Function<Network, List<String>>> captureFiles() {
        return Map.of("esp_sa", IpsecSetup::espSaLines);
    }

    /** The topology's IPsec profiles (empty when it has none). */
    public static IpsecProfiles profiles(TopologySpec spec) {
        return spec.section(IpsecProfiles.class).orElse(EMPTY);
    }

    /** What an interface names of IPsec ({@link IpsecInterface#NONE} when nothing). */
    public static IpsecInterface of(InterfaceSpec i) {
        return i.module(KEY).map(IpsecInterface.class::cast).orElse(IpsecInterface.NONE);
    }

    private static final IpsecProfiles EMPTY = new IpsecProfiles(Map.of());
}
