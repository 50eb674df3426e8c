package io.tunnelsim.scenario;

import io.tunnelsim.node.Node;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;

/** {@code show} output of the routing protocols, tracks and IPsec, from the registered modules' tables. */
final class ProtocolShow {
    private ProtocolShow() {
    }

    static String neighbors(Node n) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            var table = m.showTables().get("neighbors");
            String s = table == null ? null : table.apply(n);
            if (s != null) {
                sb.append(s);
            }
        }
        if (sb.length() == 0) {
            sb.append("% No routing protocol with neighbours runs on ").append(n.name()).append('\n');
        }
        return sb.toString();
    }

    /** {@code show track}: the tables of the modules that answer {@code track}. */
    static String track(Node n) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            var table = m.showTables().get("track");
            String s = table == null ? null : table.apply(n);
            if (s != null) {
                sb.append(s);
            }
        }
        return sb.length() == 0 ? "% No tracked objects on " + n.name() + "\n" : sb.toString();
    }

    /** {@code show ip ospf database}: the tables of the modules that answer {@code ospf_database}. */
    static String ospfDatabase(Node n) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            var table = m.showTables().get("ospf_database");
            String s = table == null ? null : table.apply(n);
            if (s != null) {
                sb.append(s);
            }
        }
        return sb.length() == 0 ? "% OSPF does not run on " + n.name() + "\n" : sb.toString();
    }

    /** {@code show crypto ipsec sa}: the tables of the network modules that answer {@code sa}. */
    static String sa(Node n) {
        StringBuilder sb = new StringBuilder();
        for (NetworkModule<?> m : NetworkModules.all()) {
            var table = m.showTables().get("sa");
            String s = table == null ? null : table.apply(n);
            if (s != null) {
                sb.append(s);
            }
        }
        String s = sb.toString();
        return s.isBlank() ? "% No IPsec security associations on " + n.name() + "\n" : s;
    }
}
