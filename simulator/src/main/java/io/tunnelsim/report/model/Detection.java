package io.tunnelsim.report.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A control-plane event that can tell a router a path broke or came back, taken from the typed
 * events of the network's event bus (never from log text).
 *
 * @param timeNs  simulated time in nanoseconds
 * @param node    the router it happened on
 * @param kind    what happened
 * @param subject the object: an interface name as in the topology ({@code tunnel0}), an OSPF
 *                neighbour ({@code 2.2.2.2 on tunnel0}), a BFD peer, a track, a RIP route
 * @param detail  extra facts for the reader (the timer arithmetic, the BFD diagnostic); may be empty
 * @param prefix  for an event about one route (a RIP route timeout), that route's prefix; empty
 *                otherwise. Such an event only explains flows whose source or destination the
 *                prefix holds.
 */
public record Detection(long timeNs, String node, Kind kind, String subject, String detail, String prefix) {

    public Detection {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(prefix, "prefix");
    }

    /** An event not about one route. */
    public Detection(long timeNs, String node, Kind kind, String subject, String detail) {
        this(timeNs, node, kind, subject, detail, "");
    }

    /**
     * What detected the change. A <em>cause</em> kind names the mechanism (a timer, a lost
     * carrier); a <em>consequence</em> kind (line protocol down, adjacency down) only says what
     * changed, and is chosen only when no cause at the same time and node explains it.
     */
    public enum Kind {
        CARRIER_LOSS("carrier loss on %s", true, true),
        KEEPALIVE_RETRIES_EXHAUSTED("keepalive retries exhausted on %s", true, true),
        OSPF_DEAD_TIMER("OSPF dead timer expired, neighbour %s down", true, true),
        BFD_SESSION_DOWN("BFD session down to %s", true, true),
        TRACK_DOWN("%s down", true, true),
        RIP_ROUTE_TIMEOUT("RIP route timeout %s", true, true),
        LINE_PROTOCOL_DOWN("line protocol down on %s", false, true),
        OSPF_ADJACENCY_DOWN("OSPF adjacency down, neighbour %s", false, true),
        CARRIER_UP("carrier back on %s", true, false),
        LINE_PROTOCOL_UP("line protocol up on %s", true, false),
        OSPF_ADJACENCY_FULL("OSPF adjacency full, neighbour %s", true, false),
        BFD_SESSION_UP("BFD session up to %s", true, false),
        TRACK_UP("%s up", true, false);

        private final String phrase;
        private final boolean cause;
        private final boolean down;

        Kind(String phrase, boolean cause, boolean down) {
            this.phrase = phrase;
            this.cause = cause;
            this.down = down;
        }

        /** The machine name used in summary.json, e.g. {@code keepalive-retries-exhausted}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether this kind names a mechanism rather than a consequence. */
        public boolean isCause() {
            return cause;
        }

        /** Whether this kind reports something breaking (else something coming back). */
        public boolean isDown() {
            return down;
        }

        /** The human phrase with the subject filled in. */
        public String describe(String subject) {
            return String.format(Locale.ROOT, phrase, subject);
        }
    }

    /** The human phrase, e.g. {@code keepalive retries exhausted on tunnel0}. */
    public String describe() {
        return kind.describe(subject);
    }
}
