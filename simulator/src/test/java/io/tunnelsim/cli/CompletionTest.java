package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunnelsim generate-completion}: a bash/zsh completion script that bash accepts. */
class CompletionTest {
    @Test
    void completionScriptNamesEveryCommandAndOptionAndBashLoadsIt(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        for (String word : new String[] {"complete -F", "validate", "run", "show", "compare", "sweep", "generate", "draw",
            "--highlight", "--dual-isp", "--json"}) {
            assertTrue(r.out().contains(word), word);
        }
        Path script = dir.resolve("tunnelsim_completion");
        Files.writeString(script, r.out());
        // bash parses and runs the script: it defines the completion function and registers it
        Process p = new ProcessBuilder("bash", "-c", "source " + script + " && complete -p tunnelsim")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("tunnelsim"), out);
    }
}
