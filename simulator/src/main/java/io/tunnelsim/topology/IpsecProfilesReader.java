package io.tunnelsim.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.sim.SimTime;

/**
 * Reads the topology's {@code ipsec:} section: IPsec profiles by name (ESP and integrity
 * algorithms, mode, manual or automatic keys, lifetime, replay window), part of
 * {@link TopologyReader}.
 */
final class IpsecProfilesReader {

    private final YamlContext ctx;

    IpsecProfilesReader(YamlContext ctx) {
        this.ctx = ctx;
    }

    /** The root's {@code ipsec:} profiles by name, in file order; empty when there are none. */
    Map<String, IpsecProfileSpec> read(YamlMap top) {
        Map<String, IpsecProfileSpec> out = new LinkedHashMap<>();
        if (!top.has("ipsec")) {
            return out;
        }
        YamlMap all = ctx.namedMap(top.get("ipsec"), "'ipsec'");
        if (all == null) {
            return out;
        }
        for (YamlMap.Entry e : all.entries()) {
            String path = "ipsec/" + e.key();
            ctx.mark(path, e.keyNode());
            YamlMap p = ctx.map(e.value(), "ipsec profile '" + e.key() + "'", TopologyShapes.IPSEC_PROFILE);
            if (p == null) {
                continue;
            }
            markAll(path, p);
            out.put(e.key(), readProfile(e.key(), p));
        }
        return out;
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
                keys = Optional.ofNullable(readKeys(name, ctx.map(kn, "'keys'", TopologyShapes.MANUAL_KEYS), esp, auth));
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
            YamlMap l = ctx.map(p.get("lifetime"), "'lifetime'", TopologyShapes.LIFETIME);
            if (l != null) {
                lifetime = l.duration("time", lifetime);
                lifetimeBytes = l.integer("bytes", lifetimeBytes, 0, Long.MAX_VALUE);
            }
        }
        int window = (int) p.integer("replay-window", io.tunnelsim.ipsec.ReplayWindow.DEFAULT_SIZE,
                io.tunnelsim.ipsec.IpsecProfile.MIN_REPLAY_WINDOW, io.tunnelsim.ipsec.IpsecProfile.MAX_REPLAY_WINDOW);
        return new IpsecProfileSpec(name, esp, auth, mode, Optional.ofNullable(peer), Optional.ofNullable(local),
                Optional.ofNullable(remote), keys, lifetime, lifetimeBytes, window,
                TunnelMtuReader.dfBit(p), TunnelMtuReader.fragmentation(p));
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

    private void markAll(String path, YamlMap m) {
        TopologyReader.markAll(ctx, path, m);
    }
}
