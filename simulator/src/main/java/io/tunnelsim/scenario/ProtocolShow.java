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
        return tables(n, "neighbors", "% No routing protocol with neighbours runs on ");
    }

    /** {@code show track}: the tables of the modules that answer {@code track}. */
    static String track(Node n) {
        return tables(n, "track", "% No tracked objects on ");
    }

    /** {@code show ip ospf}: the tables of the modules that answer {@code ospf}. */
    static String ospf(Node n) {
        return tables(n, "ospf", "% OSPF does not run on ");
    }

    /** {@code show ip ospf database}: the tables of the modules that answer {@code ospf_database}. */
    static String ospfDatabase(Node n) {
        return tables(n, "ospf_database", "% OSPF does not run on ");
    }

    /**
     * The text tables named {@code name} of the protocol modules, in registration order, or
     * {@code none} followed by the node's name when no module answers for the node.
     */
    private static String tables(Node n, String name, String none) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolModule<?> m : ProtocolModules.all()) {
            var table = m.showTables().get(name);
            String s = table == null ? null : table.apply(n);
            if (s != null) {
                sb.append(s);
            }
        }
        return sb.length() == 0 ? none + n.name() + "\n" : sb.toString();
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
