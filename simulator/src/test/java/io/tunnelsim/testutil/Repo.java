package io.tunnelsim.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder (the one holding examples/), found from the working directory up. */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no examples/ folder above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
