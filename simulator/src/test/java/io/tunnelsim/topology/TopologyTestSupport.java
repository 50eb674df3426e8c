package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Helpers shared by the topology tests. */
final class TopologyTestSupport {

    /** A small valid topology: two routers joined by a link and a GRE tunnel, one host each side. */
    static final String SMALL = """
            name: small
            nodes:
              r1:
                interfaces:
                  eth0: {address: 10.0.0.1/30}
                  lan0: {address: 10.1.0.1/24}
                  lo0: {address: 1.1.1.1/32}
                  tunnel0:
                    address: 172.16.0.1/30
                    tunnel: {source: eth0, destination: 10.0.0.2}
                static:
                  - {prefix: 10.2.0.0/24, interface: tunnel0}
                ospf: {interfaces: {tunnel0: {area: 0}, lan0: {passive: true}}}
              r2:
                interfaces:
                  eth0: {address: 10.0.0.2/30}
                  lan0: {address: 10.2.0.1/24}
                  tunnel0:
                    address: 172.16.0.2/30
                    tunnel: {source: eth0, destination: 10.0.0.1}
              pc1: {kind: host, interfaces: {eth0: {address: 10.1.0.10/24, gateway: 10.1.0.1}}}
              pc2: {kind: host, interfaces: {eth0: {address: 10.2.0.10/24, gateway: 10.2.0.1}}}
            links:
              - {endpoints: ["r1:eth0", "r2:eth0"]}
              - {endpoints: ["r1:lan0", "pc1:eth0"]}
              - {endpoints: ["r2:lan0", "pc2:eth0"]}
            """;

    private TopologyTestSupport() {
    }

    static List<Diagnostic> errors(String yaml) {
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(yaml, "t.yaml"));
        assertTrue(!e.errors().isEmpty(), "exception without errors");
        return e.errors();
    }

    /** Asserts that one error is at {@code line:col} and contains {@code fragment}. */
    static void assertError(List<Diagnostic> errors, int line, int col, String fragment) {
        for (Diagnostic d : errors) {
            if (d.line() == line && d.column() == col && d.message().contains(fragment)) {
                return;
            }
        }
        fail("no error at " + line + ":" + col + " containing '" + fragment + "' in:\n" + String.join("\n",
                errors.stream().map(Diagnostic::toString).toList()));
    }

    static void assertSingleError(String yaml, int line, int col, String fragment) {
        List<Diagnostic> errors = errors(yaml);
        assertError(errors, line, col, fragment);
        if (errors.size() != 1) {
            fail("expected one error, got:\n" + String.join("\n", errors.stream().map(Diagnostic::toString).toList()));
        }
    }
}
