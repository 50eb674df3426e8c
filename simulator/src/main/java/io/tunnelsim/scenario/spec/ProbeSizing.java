package io.tunnelsim.scenario.spec;

import io.tunnelsim.topology.YamlContext;
import io.tunnelsim.topology.YamlMap;

/** Reads and checks a probe's {@code df}, {@code pmtud} and {@code size-sweep} keys. */
final class ProbeSizing {
    /** IOS extended ping's sweep defaults: min 36, max 18024, interval 1. */
    static final int SWEEP_MIN = 36;
    static final int SWEEP_MAX = 18024;
    static final int SWEEP_STEP = 1;

    private ProbeSizing() {
    }

    /** {@code size-sweep: {min, max, step}}, or {@link ProbeSpec.SizeSweep#NONE}. */
    static ProbeSpec.SizeSweep sweep(YamlContext ctx, YamlMap p, int smallest) {
        if (!p.has("size-sweep")) {
            return ProbeSpec.SizeSweep.NONE;
        }
        YamlMap m = ctx.map(p.get("size-sweep"), "'size-sweep' (expected {min: 1400, max: 1500, step: 10})",
                ScenarioShapes.SIZE_SWEEP);
        if (m == null) {
            return ProbeSpec.SizeSweep.NONE;
        }
        int min = (int) m.integer("min", Math.max(SWEEP_MIN, smallest), smallest, 65535);
        int max = (int) m.integer("max", SWEEP_MAX, smallest, 65535);
        int step = (int) m.integer("step", SWEEP_STEP, 1, 65535);
        if (max < min) {
            ctx.error(m.nodeFor("max"), "size-sweep max " + max + " is below its min " + min);
            return ProbeSpec.SizeSweep.NONE;
        }
        if (p.has("size")) {
            ctx.error(p.nodeFor("size"), "a probe has either 'size' or 'size-sweep'; remove one");
        }
        return new ProbeSpec.SizeSweep(min, max, step);
    }

    /** Combinations that mean nothing; false when one was reported. */
    static boolean check(YamlContext ctx, YamlMap p, boolean df, boolean pmtud, ProbeSpec.SizeSweep sweep, boolean ipv4) {
        boolean ok = true;
        if (!ipv4 && (p.has("df") || p.has("pmtud"))) {
            ctx.error(p.nodeFor(p.has("df") ? "df" : "pmtud"), "IPv6 has no DF bit (routers never fragment IPv6);"
                    + " remove 'df' and 'pmtud' or use an IPv4 target");
            ok = false;
        }
        if (!ipv4 && sweep.isOn()) {
            ctx.error(p.nodeFor("size-sweep"), "size-sweep is for IPv4 probes");
            ok = false;
        }
        if (pmtud && !df) {
            ctx.error(p.nodeFor("pmtud"), "path-MTU discovery needs DF set; add 'df: true'");
            ok = false;
        }
        if (pmtud && sweep.isOn()) {
            ctx.error(p.nodeFor("pmtud"), "a size sweep sends the sizes it is given; remove 'pmtud' or 'size-sweep'");
            ok = false;
        }
        return ok;
    }
}
