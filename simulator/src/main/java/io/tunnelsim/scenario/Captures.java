package io.tunnelsim.scenario;

import io.tunnelsim.node.Network;
import io.tunnelsim.topology.NetworkModule;
import io.tunnelsim.topology.NetworkModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Files written beside the pcaps of a run: each network module's {@code captureFiles()} (IPsec's
 * {@code esp_sa}, the ESP SA table for Wireshark), in registration order, one line each.
 */
public final class Captures {
    private Captures() {
    }

    public static void writeExtras(RunResult r, Path pcapDir) throws IOException {
        for (NetworkModule<?> m : NetworkModules.all()) {
            for (Map.Entry<String, Function<Network, List<String>>> f : m.captureFiles().entrySet()) {
                Files.write(pcapDir.resolve(f.getKey()), f.getValue().apply(r.built().network()));
            }
        }
    }
}
