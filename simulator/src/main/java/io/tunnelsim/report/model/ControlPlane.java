package io.tunnelsim.report.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the control plane did in the window of one timeline action.
 *
 * @param lastFibChangeNs         time from the action to the last FIB change anywhere in the
 *                                network within the window; empty when no FIB changed
 * @param lastFibChangeByRouterNs the same per router (only routers whose FIB changed), by name
 * @param stateChanges            tunnel and adjacency state changes in the window, in time order
 */
public record ControlPlane(OptionalLong lastFibChangeNs, SortedMap<String, Long> lastFibChangeByRouterNs,
                           List<StateChange> stateChanges) {

    public ControlPlane {
        Objects.requireNonNull(lastFibChangeNs, "lastFibChangeNs");
        lastFibChangeByRouterNs = Collections.unmodifiableSortedMap(new TreeMap<>(lastFibChangeByRouterNs));
        stateChanges = List.copyOf(stateChanges);
    }

    /** A window in which nothing happened in the control plane. */
    public static ControlPlane quiet() {
        return new ControlPlane(OptionalLong.empty(), new TreeMap<>(), List.of());
    }
}
