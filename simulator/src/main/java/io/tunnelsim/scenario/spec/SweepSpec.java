package io.tunnelsim.scenario.spec;

import java.util.OptionalLong;

/**
 * Sweep settings.
 *
 * @param shiftNs maximum random shift of failure times; empty means one hello or keepalive
 *                period of the variant being swept
 * @param runs    runs per variant (default 20)
 */
public record SweepSpec(OptionalLong shiftNs, int runs) {

    public static final SweepSpec DEFAULT = new SweepSpec(OptionalLong.empty(), 20);
}
