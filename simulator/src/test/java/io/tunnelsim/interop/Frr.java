package io.tunnelsim.interop;

import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.wire.LsaHeader;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses FRR's vtysh output and puts tunnelsim's state in the same form, for comparison. */
final class Frr {
    private static final Pattern NEIGHBOR = Pattern.compile(
            "^(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(\\d+)\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)", Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("(Router|Net|Summary|ASBR-Summary|AS External) Link States");
    private static final Pattern LSA_ROW = Pattern.compile(
            "^(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(\\d+)\\s+0x([0-9a-f]{8})\\s+0x([0-9a-f]{4})");

    private Frr() {
    }

    /** {@code show ip ospf neighbor}: router ID → state as FRR prints it ("Full/DR", "2-Way/DROther"). */
    static Map<String, String> neighbors(String text) {
        Map<String, String> m = new TreeMap<>();
        Matcher x = NEIGHBOR.matcher(text);
        while (x.find()) {
            m.put(x.group(1), x.group(3));
        }
        return m;
    }

    /**
     * {@code show ip ospf database}: one line per LSA instance, "type lsid adv seq checksum"
     * (the age is left out: it differs by the instant each side was asked). MaxAge instances
     * are kept (both sides must agree on those too).
     */
    static TreeSet<String> database(String text) {
        TreeSet<String> s = new TreeSet<>();
        int type = 0;
        for (String line : text.split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (h.find()) {
                type = switch (h.group(1)) {
                    case "Router" -> 1;
                    case "Net" -> 2;
                    case "Summary" -> 3;
                    case "ASBR-Summary" -> 4;
                    default -> 5;
                };
                continue;
            }
            Matcher r = LSA_ROW.matcher(line.trim());
            if (type != 0 && r.find()) {
                s.add(type + " " + r.group(1) + " " + r.group(2) + " 0x" + r.group(4) + " 0x" + r.group(5));
            }
        }
        return s;
    }

    /**
     * As {@link #database(String)}, only the LSAs listed under headings of area {@code area}
     * (FRR prints "Router Link States (Area 0.0.0.1 [Stub])").
     */
    static TreeSet<String> database(String text, Ipv4Address area) {
        StringBuilder mine = new StringBuilder();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (HEADING.matcher(line).find()) {
                in = line.contains("(Area " + area + ")") || line.contains("(Area " + area + " ");
            }
            if (in) {
                mine.append(line).append('\n');
            }
        }
        return database(mine.toString());
    }

    /** tunnelsim's LSDB of area 0 in the form of {@link #database}. */
    static TreeSet<String> database(OspfProcess p) {
        return database(p, Ipv4Address.ANY);
    }

    /** tunnelsim's LSDB of {@code area} in the form of {@link #database}. */
    static TreeSet<String> database(OspfProcess p, Ipv4Address area) {
        TreeSet<String> s = new TreeSet<>();
        for (LsaHeader h : p.databaseHeaders(area)) {
            s.add(h.type() + " " + h.linkStateId() + " " + h.advertisingRouter()
                    + String.format(" 0x%08x 0x%04x", h.sequenceNumber(), h.checksum()));
        }
        return s;
    }

    /**
     * When a point-to-point adjacency went Full: on the simulated side ({@code sim}) and in FRR
     * ({@code frr}), -1 when it did not by the limit; {@code now} is the simulated time reached and
     * {@code frrNeighbors} FRR's last {@code show ip ospf neighbor}.
     */
    record FullAt(long sim, long frr, long now, Map<String, String> frrNeighbors) {
    }

    /**
     * Drives a live run in 250 ms steps from {@code from} until the simulated {@code process} has
     * one Full neighbour and FRR ({@code frr} in {@code lab}) lists {@code routerId} as
     * {@code Full/-}, or until {@code limit}.
     */
    static FullAt driveUntilFull(LiveDriver d, long from, long limit, OspfProcess process, FrrLab lab, Path frr,
                                 String routerId) throws Exception {
        long t = from;
        long fullSim = -1;
        long fullFrr = -1;
        Map<String, String> nb = Map.of();
        while (t < limit && (fullSim < 0 || fullFrr < 0)) {
            t += 250 * SimTime.MILLISECOND;
            d.drive(t, null);
            if (fullSim < 0 && LiveOspfLanTest.allFull(process, 1)) {
                fullSim = t;
            }
            nb = neighbors(lab.vtysh(frr, "show ip ospf neighbor"));
            if (fullFrr < 0 && "Full/-".equals(nb.get(routerId))) {
                fullFrr = t;
            }
        }
        return new FullAt(fullSim, fullFrr, t, nb);
    }
}
