package io.tunnelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.ipsec.EspDropReason;
import io.tunnelsim.ipsec.IpsecDrop;
import io.tunnelsim.node.LinkDrop;
import io.tunnelsim.node.NodeDrop;
import io.tunnelsim.node.ProbeDrop;
import io.tunnelsim.routing.bfd.BfdDrop;
import io.tunnelsim.routing.ospf.OspfDrop;
import io.tunnelsim.routing.rip.RipDrop;
import io.tunnelsim.tunnel.TunnelDrop;
import io.tunnelsim.wire.DropReason;
import io.tunnelsim.wire.WireDrop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drop reasons of all layers: a node counts drops by label, so two reasons with one label
 * would be counted together and could not be told apart in counters, summaries or tables.
 */
class DropReasonLabelsTest {

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(WireDrop.class, NodeDrop.class, LinkDrop.class,
            ProbeDrop.class, TunnelDrop.class, EspDropReason.class, IpsecDrop.class, OspfDrop.class, RipDrop.class,
            BfdDrop.class);

    @Test
    void everyLabelNamesOneReasonOfOneLayer() {
        Map<String, String> owner = new TreeMap<>();
        TreeSet<String> twice = new TreeSet<>();
        for (Class<? extends Enum<?>> e : ENUMS) {
            for (Enum<?> c : e.getEnumConstants()) {
                String label = ((DropReason) c).label();
                String was = owner.put(label, e.getSimpleName() + "." + c.name());
                if (was != null) {
                    twice.add(label + ": " + was + ", " + e.getSimpleName() + "." + c.name());
                }
            }
        }
        assertEquals(new TreeSet<>(), twice);
    }

    @Test
    void theListCoversEveryDropReasonEnum() throws IOException {
        Pattern decl = Pattern.compile("enum (\\w+) implements [\\w.]*DropReason\\b");
        TreeSet<String> declared = new TreeSet<>();
        try (Stream<Path> s = Files.walk(LayeringTest.MAIN)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = decl.matcher(Files.readString(f));
                while (m.find()) {
                    declared.add(m.group(1));
                }
            }
        }
        TreeSet<String> listed = new TreeSet<>();
        ENUMS.forEach(e -> listed.add(e.getSimpleName()));
        assertEquals(declared, listed);
    }
}
