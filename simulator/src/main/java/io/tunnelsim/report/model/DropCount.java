package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * Lost probes of one flow after one action that share a place and a reason.
 *
 * @param reason drop reason label ({@code no-route}); {@code no-drop-seen} for probes no drop event names
 * @param where  node or link name; empty with {@code no-drop-seen}
 * @param iface  interface name, or empty
 * @param onLink true when {@code where} is a link
 * @param count  probes
 */
public record DropCount(String reason, String where, String iface, boolean onLink, int count) {
    /** Reason of lost probes for which no drop event was seen (a drop site that does not name its packet). */
    public static final String NO_DROP_SEEN = "no-drop-seen";

    public DropCount {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(iface, "iface");
        if (count <= 0) {
            throw new IllegalArgumentException("a drop count counts at least one probe");
        }
    }

    /** {@code 168 no-route at hq} / {@code 3 silent-failure in isp-a} / {@code 2 no-drop-seen}. */
    public String describe() {
        if (where.isEmpty()) {
            return count + " " + reason;
        }
        return count + " " + reason + (onLink ? " in " : " at ") + where + (iface.isEmpty() ? "" : " " + iface);
    }
}
