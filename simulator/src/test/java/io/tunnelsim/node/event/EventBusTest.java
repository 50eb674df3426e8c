package io.tunnelsim.node.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.Network;

class EventBusTest {

    record Probe(long timeNs, String node) implements NetEvent {
    }

    @Test
    void subscribersSeeTheirTypesInSubscriptionOrder() {
        EventBus bus = new EventBus();
        List<String> seen = new ArrayList<>();
        bus.subscribe(NetEvent.class, e -> seen.add("all:" + e.node()));
        bus.subscribe(LoggedEvent.class, e -> seen.add("logged:" + e.facility()));
        bus.subscribe(Probe.class, e -> seen.add("probe:" + e.timeNs()));
        bus.publish(new Probe(7, "a"));
        bus.publish(new LogLine(8, "b", "X-5-Y", "text"));
        assertEquals(List.of("all:a", "probe:7", "all:b", "logged:X-5-Y"), seen);
    }

    @Test
    void theEventLogKeepsOneEntryPerLoggedEventInPublicationOrder() {
        Network net = new Network(1);
        EventLog log = net.log();
        net.events().publish(new Probe(1, "r1"));
        log.log("r1", "SYS-5-CONFIG_I", "Configured");
        net.events().publish(new LogLine(0, "r2", "LINK-3-UPDOWN", "Interface Ethernet0, changed state to up"));
        assertEquals(2, log.entries().size(), "only logged events have a line");
        assertEquals("    0.000000000 r1 %SYS-5-CONFIG_I: Configured".strip(), log.entries().get(0).format().strip());
        assertEquals(new EventLog.Entry(0, "r2", "LINK-3-UPDOWN", "Interface Ethernet0, changed state to up"),
                log.entries().get(1));
    }
}
