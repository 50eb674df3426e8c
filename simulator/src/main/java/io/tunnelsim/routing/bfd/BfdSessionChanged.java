package io.tunnelsim.routing.bfd;

import io.tunnelsim.node.event.LoggedEvent;

/**
 * A BFD session changed to Up, Down or AdminDown ({@code %BFD-6-BFD_SESS_UP},
 * {@code %BFD-6-BFD_SESS_DOWN}, {@code %BFD-6-BFD_SESS_ADMIN_DOWN}); changes to Init are not
 * logged, as on IOS.
 *
 * @param localDiscriminator bfd.LocalDiscr
 * @param remoteDiscriminator bfd.RemoteDiscr when the change happened (0: not heard)
 * @param peer the peer address
 * @param where {@code on Tunnel0} or {@code multihop from 1.1.1.1}
 * @param from the state before
 * @param to the state after
 * @param diagnostic bfd.LocalDiag after the change
 * @param remoteAdminDown the change to Down was the peer's AdminDown
 */
public record BfdSessionChanged(long timeNs, String node, long localDiscriminator, long remoteDiscriminator,
                                String peer, String where, BfdState from, BfdState to, BfdDiagnostic diagnostic,
                                boolean remoteAdminDown) implements LoggedEvent {
    @Override
    public String facility() {
        return switch (to) {
            case UP -> "BFD-6-BFD_SESS_UP";
            case ADMIN_DOWN -> "BFD-6-BFD_SESS_ADMIN_DOWN";
            default -> "BFD-6-BFD_SESS_DOWN";
        };
    }

    @Override
    public String message() {
        return switch (to) {
            case UP -> "BFD session ld:" + localDiscriminator + " rd:" + remoteDiscriminator + " to " + peer + " " + where
                    + " is going UP";
            case ADMIN_DOWN -> "BFD session ld:" + localDiscriminator + " to " + peer + " " + where
                    + " is administratively down";
            default -> "BFD session ld:" + localDiscriminator + " to " + peer + " " + where + " is going DOWN from "
                    + from.display() + ", Reason: " + diagnostic.display()
                    + (remoteAdminDown ? " (peer administratively down)" : "");
        };
    }
}
