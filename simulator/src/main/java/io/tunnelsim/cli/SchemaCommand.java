package io.tunnelsim.cli;

import io.tunnelsim.scenario.spec.ScenarioShapes;
import io.tunnelsim.topology.DidYouMean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunnelsim schema topology|scenario [-o FILE]}: the JSON Schema of the input files, written
 * from the key definitions the loaders check against (the repository ships it under
 * {@code schema/}).
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft-07) of topology or scenario files, for editors such as VS Code's"
                + " YAML extension. It is written from the same key definitions the loaders check files against.")
final class SchemaCommand implements Callable<Integer> {
    static final List<String> KINDS = List.of("topology", "scenario");

    /** Completion candidates of KIND. */
    static final class Kinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KINDS.iterator();
        }
    }

    @Parameters(paramLabel = "KIND", completionCandidates = Kinds.class, description = "topology or scenario.")
    String kind;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema to FILE instead of printing it.")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = switch (kind) {
            case "topology" -> ScenarioShapes.topologySchema();
            case "scenario" -> ScenarioShapes.scenarioSchema();
            default -> throw new BadInputException("unknown schema '" + kind + "'" + DidYouMean.hint(kind, KINDS));
        };
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + output + " (JSON Schema of " + kind + " files)");
        return 0;
    }
}
