package io.tunnelsim.topology;

import io.tunnelsim.wire.Authentication;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code authentication:} key of OSPF and RIP interfaces, read and checked with marks. */
public final class AuthenticationYaml {
    /** {@code authentication:} of an OSPF or RIP interface. */
    public static final Shape.Obj SHAPE = Shape.obj("Authentication: none, a simple password or keyed MD5.")
            .required("mode", Shape.choice("none", "simple", "md5"), "none, simple (a password) or md5 (keyed MD5).")
            .key("key", Shape.TEXT, "The password or MD5 key (printable ASCII, no spaces; simple: OSPF 8, RIP 16 characters;"
                    + " md5: 16).")
            .key("key-id", Shape.integer(0, 255), "MD5 key ID (default 1).");

    private AuthenticationYaml() {
    }

    /**
     * {@code authentication: {mode: none|simple|md5, key: SECRET, key-id: N}} of an OSPF or RIP
     * interface: a simple password of at most {@code simpleMax} characters (OSPF 8, RFC 2328
     * §D.3; RIP 16, RFC 2453 §5.2), or keyed MD5 with a key ID 0-255 (default 1, as FRR's and
     * IOS's first key) and a key of at most 16 characters (RFC 2328 §D.4.3, RFC 2082).
     */
    public static Authentication read(YamlContext ctx, YamlMap c, String protocol, int simpleMax) {
        if (!c.has("authentication")) {
            return Authentication.NONE;
        }
        YamlMap a = ctx.map(c.get("authentication"), "'authentication' of " + protocol + " interface", SHAPE);
        if (a == null) {
            return Authentication.NONE;
        }
        Map<String, Authentication.Mode> modes = new LinkedHashMap<>();
        modes.put("none", Authentication.Mode.NONE);
        modes.put("simple", Authentication.Mode.SIMPLE);
        modes.put("md5", Authentication.Mode.MD5);
        if (!a.require("mode", "'authentication'")) {
            return Authentication.NONE;
        }
        Authentication.Mode mode = a.choice("mode", modes, null);
        if (mode == null) {
            return Authentication.NONE; // reported by choice()
        }
        if (mode == Authentication.Mode.NONE) {
            for (String k : new String[] {"key", "key-id"}) {
                if (a.has(k)) {
                    ctx.error(a.nodeFor(k), "'" + k + "' needs mode simple or md5 (mode none sends no key)");
                }
            }
            return Authentication.NONE;
        }
        if (!a.require("key", "'authentication' with mode " + (mode == Authentication.Mode.MD5 ? "md5" : "simple"))) {
            return Authentication.NONE;
        }
        String key = a.string("key", "");
        int max = mode == Authentication.Mode.MD5 ? Authentication.MD5_KEY_LENGTH : simpleMax;
        if (key == null || key.isEmpty() || key.length() > max || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            ctx.error(a.nodeFor("key"), protocol + " " + (mode == Authentication.Mode.MD5 ? "md5" : "simple")
                    + " key must be 1 to " + max + " printable ASCII characters without spaces");
            return Authentication.NONE;
        }
        int keyId = 0;
        if (mode == Authentication.Mode.MD5) {
            keyId = (int) a.integer("key-id", 1, 0, 255);
        } else if (a.has("key-id")) {
            ctx.error(a.nodeFor("key-id"), "'key-id' belongs to mode md5 (a simple password has no key ID)");
        }
        return new Authentication(mode, key, keyId);
    }
}
