package io.tunnelsim.scenario;

import io.tunnelsim.ipsec.IpsecSetup;
import io.tunnelsim.node.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code pcap/esp_sa}: Wireshark's ESP SA table, one SA a line (empty without IPsec). */
final class EspSaExport {
    private EspSaExport() {
    }

    static void write(Network net, Path file) throws IOException {
        List<String> lines = IpsecSetup.espSaLines(net);
        Files.write(file, lines);
    }
}
