package io.tunnelsim.scenario;

import java.io.IOException;
import java.nio.file.Path;

/** Files written beside the pcaps of a run (the ESP SA table for Wireshark). */
public final class Captures {
    private Captures() {
    }

    public static void writeExtras(RunResult r, Path pcapDir) throws IOException {
        EspSaExport.write(r.built().network(), pcapDir.resolve("esp_sa"));
    }
}
