package io.tunnelsim.ipsec.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.IpsecPeer;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.DidYouMean;
import io.tunnelsim.topology.InterfaceSection;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.RootSection;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.SpecValues;
import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;

/**
 * Reads IPsec's YAML: the topology's {@code ipsec:} section, IPsec profiles by name (ESP and
 * integrity algorithms, mode, manual or automatic keys, lifetime, replay window, DF bit and
 * fragmentation), and the interface keys that name a profile ({@code protection} on a tunnel,
 * {@code crypto-map} on an Ethernet interface). The keys are declared here once as
 * {@link Shape.Obj}s, which also give their part of the topology's JSON Schema.
 */
final class IpsecYaml {

    static final Shape.Obj LIFETIME = Shape.obj("SA lifetime (IOS defaults 3600s and 4608000 KB).")
            .key("time", Shape.DURATION, "Lifetime in time.")
            .key("bytes", Shape.integer(0, Long.MAX_VALUE), "Lifetime in bytes (0: none).");

    static final Shape.Obj MANUAL_KEYS = Shape.obj("Manual SPIs and keys.")
            .key("spi-in", Shape.integer(0, 0xFFFF_FFFFL), "SPI of inbound packets (256 or above, RFC 4303 §2.1).")
            .key("spi-out", Shape.integer(0, 0xFFFF_FFFFL), "SPI of outbound packets.")
            .key("key-in", Shape.HEX, "Inbound cipher key in hex.")
            .key("key-out", Shape.HEX, "Outbound cipher key in hex.")
            .key("auth-in", Shape.HEX, "Inbound integrity key in hex.")
            .key("auth-out", Shape.HEX, "Outbound integrity key in hex.");

    static final Shape.Obj PROFILE = Shape.obj("An IPsec profile (ESP, RFC 4303).")
            .required("esp", Shape.choice(IpsecProfileSpec.Esp.yamlNames()), "Cipher.")
            .key("auth", Shape.choice(IpsecProfileSpec.Auth.yamlNames()), "Integrity (none with AES-GCM).")
            .key("mode", Shape.choice("tunnel", "transport"), "ESP mode (default transport).")
            .key("peer", Shape.IPV4, "Peer address of a crypto map.")
            .key("local", Shape.IPV4_PREFIX, "Local protected subnet of a crypto map.")
            .key("remote", Shape.IPV4_PREFIX, "Remote protected subnet of a crypto map.")
            .key("keys", Shape.anyOf(Shape.choice("auto"), MANUAL_KEYS), "auto (derived keys) or manual SPIs and keys.")
            .key("lifetime", LIFETIME, "SA lifetime.")
            .key("replay-window", Shape.integer(io.tunnelsim.ipsec.IpsecProfile.MIN_REPLAY_WINDOW,
                    io.tunnelsim.ipsec.IpsecProfile.MAX_REPLAY_WINDOW), "Anti-replay window in packets (default 64).")
            .key("df-bit", Shape.choice("copy", "clear", "set"), "Outer DF bit in tunnel mode (default copy).")
            .key("fragmentation", Shape.choice("before-encryption", "after-encryption"),
                    "Where oversize packets are fragmented (default before-encryption).");

    /** The interface keys, written after the interface's {@code tunnel} key. */
    static final Shape.Obj INTERFACE_KEYS = Shape.obj("IPsec keys of an interface.")
            .key("protection", Shape.TEXT, "IPsec profile protecting a tunnel (tunnel protection).")
            .key("crypto-map", Shape.TEXT, "IPsec profile applied as a crypto map on a physical interface.");

    private final YamlContext ctx;

    private IpsecYaml(YamlContext ctx) {
        this.ctx = ctx;
    }

    /** The root's {@code ipsec:} profiles by name, in file order; empty when there are none. */
    static IpsecProfiles read(RootSection in) {
        return new IpsecProfiles(new IpsecYaml(in.context()).readProfiles(in));
    }

    private Map<String, IpsecProfileSpec> readProfiles(RootSection in) {
        Map<String, IpsecProfileSpec> out = new LinkedHashMap<>();
        if (in.value() == null) {
            return out;
        }
        YamlMap all = ctx.namedMap(in.value(), "'ipsec'");
        if (all == null) {
            return out;
        }
        for (YamlMap.Entry e : all.entries()) {
            String path = in.path() + "/" + e.key();
            ctx.mark(path, e.keyNode());
            YamlMap p = ctx.map(e.value(), "ipsec profile '" + e.key() + "'", PROFILE);
            if (p == null) {
                continue;
            }
            in.markAll(path, p);
            out.put(e.key(), readProfile(e.key(), p));
        }
        return out;
    }

    /**
     * An interface's {@code protection} (tunnels) or {@code crypto-map} (Ethernet), each refused
     * on the other kinds; null when the interface names no profile.
     */
    static IpsecInterface readInterface(InterfaceSection in) {
        YamlContext ctx = in.context();
        YamlMap m = in.map();
        String protection = null;
        String cryptoMap = null;
        if (in.kind() == InterfaceSpec.Kind.TUNNEL) {
            if (m.has("protection")) {
                protection = m.string("protection", null);
            }
            if (in.tunnel() != null && in.tunnel().has("keepalive-protection") && !m.has("protection")) {
                ctx.warning(in.tunnel().get("keepalive-protection"), "'keepalive-protection' has no effect on a tunnel"
                        + " without 'protection'; remove it or protect the tunnel");
            }
            if (m.has("crypto-map")) {
                ctx.error(m.get("crypto-map"), "'crypto-map' belongs on a physical interface; on a tunnel write 'protection'");
            }
        } else {
            if (m.has("protection")) {
                ctx.error(m.get("protection"), "'protection' is for tunnel interfaces; on " + in.where()
                        + " write 'crypto-map'");
            }
            if (m.has("crypto-map")) {
                if (in.kind() == InterfaceSpec.Kind.LOOPBACK) {
                    ctx.error(m.get("crypto-map"), "a loopback cannot carry a crypto map");
                } else {
                    cryptoMap = m.string("crypto-map", null);
                }
            }
        }
        if (protection == null && cryptoMap == null) {
            return null;
        }
        return new IpsecInterface(Optional.ofNullable(protection), Optional.ofNullable(cryptoMap));
    }

    private IpsecProfileSpec readProfile(String name, YamlMap p) {
        Map<String, IpsecProfileSpec.Esp> esps = new LinkedHashMap<>();
        for (IpsecProfileSpec.Esp x : IpsecProfileSpec.Esp.values()) {
            esps.put(x.yamlName(), x);
        }
        Map<String, IpsecProfileSpec.Auth> auths = new LinkedHashMap<>();
        for (IpsecProfileSpec.Auth x : IpsecProfileSpec.Auth.values()) {
            auths.put(x.yamlName(), x);
        }
        Map<String, IpsecProfileSpec.Mode> modes = new LinkedHashMap<>();
        modes.put("tunnel", IpsecProfileSpec.Mode.TUNNEL);
        modes.put("transport", IpsecProfileSpec.Mode.TRANSPORT);
        p.require("esp", "ipsec profile '" + name + "'");
        IpsecProfileSpec.Esp esp = p.choice("esp", esps, IpsecProfileSpec.Esp.AES_GCM_128);
        IpsecProfileSpec.Auth defAuth = esp.isAead() ? IpsecProfileSpec.Auth.NONE : IpsecProfileSpec.Auth.HMAC_SHA256_128;
        IpsecProfileSpec.Auth auth = p.choice("auth", auths, defAuth);
        if (esp.isAead() && auth != IpsecProfileSpec.Auth.NONE) {
            ctx.error(p.nodeFor("auth"), esp.yamlName() + " provides its own integrity (RFC 4106); write auth: none");
        }
        if (esp == IpsecProfileSpec.Esp.NULL && auth == IpsecProfileSpec.Auth.NONE) {
            ctx.error(p.nodeFor("auth"), "esp: null needs an integrity algorithm (RFC 4303 §3.2); write auth: hmac-sha256-128");
        } else if (!esp.isAead() && esp != IpsecProfileSpec.Esp.NULL && auth == IpsecProfileSpec.Auth.NONE) {
            ctx.warning(p.nodeFor("auth"), "encryption without integrity: packets can be altered undetected");
        }
        IpsecProfileSpec.Mode mode = p.choice("mode", modes, IpsecProfileSpec.Mode.TRANSPORT);
        Ipv4Address peer = p.ipv4("peer");
        Ipv4Prefix local = p.ipv4Prefix("local", true);
        Ipv4Prefix remote = p.ipv4Prefix("remote", true);
        Optional<IpsecProfileSpec.ManualKeys> keys = Optional.empty();
        if (p.has("keys")) {
            Node kn = p.get("keys");
            if (kn instanceof MappingNode) {
                if (esp.isAead()) {
                    ctx.error(kn, io.tunnelsim.ipsec.IpsecProfile.GCM_MANUAL_KEYS);
                }
                keys = Optional.ofNullable(readKeys(name, ctx.map(kn, "'keys'", MANUAL_KEYS), esp, auth));
            } else {
                String s = ctx.string(kn, "'keys' (auto or a mapping of SPIs and keys)");
                if (s != null && !s.equals("auto")) {
                    ctx.error(kn, "'keys' is 'auto' or {spi-in, spi-out, key-in, key-out, auth-in, auth-out}"
                            + DidYouMean.hint(s, List.of("auto")));
                }
            }
        }
        long lifetime = SimTime.HOUR;
        // IOS defaults: 3600 s and 4 608 000 KB (crypto ipsec security-association lifetime)
        long lifetimeBytes = io.tunnelsim.ipsec.IpsecProfile.DEFAULT_LIFETIME_BYTES;
        if (p.has("lifetime")) {
            YamlMap l = ctx.map(p.get("lifetime"), "'lifetime'", LIFETIME);
            if (l != null) {
                lifetime = l.duration("time", lifetime);
                lifetimeBytes = l.integer("bytes", lifetimeBytes, 0, Long.MAX_VALUE);
            }
        }
        int window = (int) p.integer("replay-window", io.tunnelsim.ipsec.ReplayWindow.DEFAULT_SIZE,
                io.tunnelsim.ipsec.IpsecProfile.MIN_REPLAY_WINDOW, io.tunnelsim.ipsec.IpsecProfile.MAX_REPLAY_WINDOW);
        return new IpsecProfileSpec(name, esp, auth, mode, Optional.ofNullable(peer), Optional.ofNullable(local),
                Optional.ofNullable(remote), keys, lifetime, lifetimeBytes, window,
                dfBit(p), fragmentation(p));
    }

    private IpsecProfileSpec.ManualKeys readKeys(String profile, YamlMap k, IpsecProfileSpec.Esp esp,
                                                 IpsecProfileSpec.Auth auth) {
        if (k == null) {
            return null;
        }
        String what = "'keys' of ipsec profile '" + profile + "'";
        long spiIn = 0;
        long spiOut = 0;
        for (String s : new String[] {"spi-in", "spi-out"}) {
            if (k.require(s, what)) {
                long v = k.integer(s, 256, 0, 0xFFFF_FFFFL);
                if (v < 256) {
                    ctx.error(k.get(s), s + " " + v + " is reserved (RFC 4303 §2.1: SPIs 0-255 are reserved; use 256 or above)");
                }
                if (s.equals("spi-in")) {
                    spiIn = v;
                } else {
                    spiOut = v;
                }
            }
        }
        String keyIn = hexKey(k, "key-in", esp.keyBytes(), esp.yamlName(), what);
        String keyOut = hexKey(k, "key-out", esp.keyBytes(), esp.yamlName(), what);
        String authIn = "";
        String authOut = "";
        if (auth != IpsecProfileSpec.Auth.NONE) {
            authIn = hexKey(k, "auth-in", auth.keyBytes(), auth.yamlName(), what);
            authOut = hexKey(k, "auth-out", auth.keyBytes(), auth.yamlName(), what);
        } else {
            for (String s : new String[] {"auth-in", "auth-out"}) {
                if (k.has(s)) {
                    ctx.error(k.get(s), "'" + s + "' is not used with auth: none; remove it");
                }
            }
        }
        return new IpsecProfileSpec.ManualKeys(spiIn, spiOut, keyIn, keyOut, authIn, authOut);
    }

    private String hexKey(YamlMap k, String key, int bytes, String alg, String what) {
        if (bytes == 0) {
            if (k.has(key)) {
                ctx.error(k.get(key), "'" + key + "' is not used with " + alg + "; remove it");
            }
            return "";
        }
        if (!k.require(key, what)) {
            return "";
        }
        String s = k.string(key, null);
        if (s == null) {
            return "";
        }
        try {
            String hex = SpecValues.hex(s);
            if (hex.length() != 2 * bytes) {
                ctx.error(k.get(key), "'" + key + "' has " + hex.length() / 2 + " bytes; " + alg + " needs " + bytes
                        + (alg.startsWith("aes-gcm") ? " (key plus 4-byte salt, RFC 4106)" : ""));
            }
            return hex;
        } catch (IllegalArgumentException e) {
            ctx.error(k.get(key), "'" + key + "': " + e.getMessage());
            return "";
        }
    }

    /** {@code df-bit: copy|clear|set} (IOS {@code crypto ipsec df-bit}, default copy). */
    private static IpsecPeer.DfBit dfBit(YamlMap p) {
        Map<String, IpsecPeer.DfBit> m = new LinkedHashMap<>();
        m.put("copy", IpsecPeer.DfBit.COPY);
        m.put("clear", IpsecPeer.DfBit.CLEAR);
        m.put("set", IpsecPeer.DfBit.SET);
        return p.choice("df-bit", m, IpsecPeer.DfBit.COPY);
    }

    /** {@code fragmentation: before-encryption|after-encryption} (IOS {@code crypto ipsec fragmentation}). */
    private static IpsecPeer.Fragmentation fragmentation(YamlMap p) {
        Map<String, IpsecPeer.Fragmentation> m = new LinkedHashMap<>();
        m.put("before-encryption", IpsecPeer.Fragmentation.BEFORE_ENCRYPTION);
        m.put("after-encryption", IpsecPeer.Fragmentation.AFTER_ENCRYPTION);
        return p.choice("fragmentation", m, IpsecPeer.Fragmentation.BEFORE_ENCRYPTION);
    }
}
