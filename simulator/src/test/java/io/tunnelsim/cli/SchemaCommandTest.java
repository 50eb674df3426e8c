package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioShapes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunnelsim schema topology|scenario [-o FILE]} and the schema line of generated files. */
class SchemaCommandTest {

    @Test
    void printsEachSchema() {
        CliTest.Result t = CliTest.run("schema", "topology");
        assertEquals(0, t.code(), t.err());
        assertEquals(ScenarioShapes.topologySchema(), t.out());
        assertTrue(t.out().startsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\""), t.out());
        CliTest.Result s = CliTest.run("schema", "scenario");
        assertEquals(0, s.code(), s.err());
        assertEquals(ScenarioShapes.scenarioSchema(), s.out());
        // the scenario's inline topology is the topology schema, written once
        assertTrue(s.out().contains("\"$ref\": \"#/definitions/topology\""), s.out());
    }

    @Test
    void writesTheSchemaToAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out/scenario.schema.json");
        CliTest.Result r = CliTest.run("schema", "scenario", "-o", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(ScenarioShapes.scenarioSchema(), Files.readString(f, StandardCharsets.UTF_8));
        assertTrue(r.out().contains("wrote " + f), r.out());
    }

    @Test
    void anUnknownKindIsBadInputWithAHint() {
        CliTest.Result r = CliTest.run("schema", "topolgy");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown schema 'topolgy' (did you mean 'topology'?)"), r.err());
    }

    @Test
    void completionOffersTheCommandAndItsKinds() {
        CliTest.Result r = CliTest.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("schema"), "schema command");
        assertTrue(r.out().contains("(\"topology\" \"scenario\")"), "KIND candidates");
    }

    /** Inside a checkout (a folder with schema/), generate names the schemas; elsewhere it writes no such line. */
    @Test
    void generatedFilesNameTheSchemaWhenOneIsAbove(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema/topology.schema.json"), ScenarioShapes.topologySchema());
        Files.writeString(dir.resolve("schema/scenario.schema.json"), ScenarioShapes.scenarioSchema());
        Path topo = dir.resolve("topologies/mesh.yaml");
        CliTest.Result r = CliTest.run("generate", "full-mesh", "--sites", "3", "-o", topo.toString());
        assertEquals(0, r.code(), r.err());
        String first = Files.readString(topo);
        assertTrue(first.startsWith("# yaml-language-server: $schema=../schema/topology.schema.json\n"), first);
        Path scenario = dir.resolve("topologies/mesh-scenario.yaml");
        assertTrue(Files.readString(scenario).startsWith("# yaml-language-server: $schema=../schema/scenario.schema.json\n"));
        ScenarioLoader.load(scenario);
        assertEquals("", GenerateCommand.schemaLine(dir.getParent().resolve("elsewhere.yaml"), "topology"));
    }
}
