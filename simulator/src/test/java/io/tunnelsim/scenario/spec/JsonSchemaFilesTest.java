package io.tunnelsim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tunnelsim.topology.TopologyException;
import io.tunnelsim.topology.TopologyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed JSON Schemas under {@code schema/} are what the key definitions generate, every
 * shipped YAML file names its schema on line 1 and passes it (and its loader), and the schema
 * agrees with the loaders: files they accept pass it, keys and values they refuse fail it.
 * Validation uses networknt's json-schema-validator (draft-07); the YAML is read with SnakeYAML
 * (YAML 1.1 as the loaders read it, anchors and merge keys resolved) and, for shipped files, also
 * as YAML 1.2 the way editors' language servers read it.
 */
class JsonSchemaFilesTest {

    static final Path ROOT = Path.of("..");
    private static final Pattern SCHEMA_LINE = Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final tools.jackson.dataformat.yaml.YAMLMapper YAML_1_2 =
            tools.jackson.dataformat.yaml.YAMLMapper.builder().build();

    private static Schema schema(String text) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text);
    }

    static final Schema TOPOLOGY = schema(ScenarioShapes.topologySchema());
    static final Schema SCENARIO = schema(ScenarioShapes.scenarioSchema());

    /** The YAML document as JSON, anchors and merge keys resolved. */
    static JsonNode json(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return JSON.valueToTree(doc);
    }

    static List<Error> errors(Schema s, String yaml) {
        return s.validate(json(yaml));
    }

    @ParameterizedTest
    @CsvSource({"topology", "scenario"})
    void committedSchemaIsWhatTheKeyDefinitionsGenerate(String kind) throws IOException {
        Path file = ROOT.resolve("schema/" + kind + ".schema.json");
        String generated = kind.equals("topology") ? ScenarioShapes.topologySchema() : ScenarioShapes.scenarioSchema();
        String committed = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertTrue(generated.equals(committed), "schema/" + kind + ".schema.json is not what the key definitions"
                + " generate; regenerate it with: ./tunnelsim schema " + kind + " -o schema/" + kind + ".schema.json");
    }

    /**
     * Every YAML file the repository ships: git's list of tracked files when git is at hand (so
     * scratch files in a checkout do not count), else every YAML file outside the simulator's
     * sources, hidden folders, build output and reports; test inputs are not shipped.
     */
    static List<Path> shippedYaml() throws IOException {
        try {
            Process p = new ProcessBuilder("git", "ls-files", "-z", "--", "*.yaml", "*.yml").directory(ROOT.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0 && !out.isEmpty()) {
                return Stream.of(out.split("\0")).filter(f -> !f.isEmpty() && !f.startsWith("simulator/"))
                        .map(ROOT::resolve).filter(Files::isRegularFile).sorted().toList();
            }
        } catch (IOException e) {
            // no git: walk the tree
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> {
                String rel = ROOT.relativize(p).toString().replace('\\', '/');
                return !rel.startsWith("simulator/") && !rel.startsWith("reports/") && !rel.startsWith(".")
                        && !rel.contains("/.") && !rel.contains("target/") && (rel.endsWith(".yaml") || rel.endsWith(".yml"));
            }).sorted().toList();
        }
    }

    static boolean isTopology(String yaml) {
        return Pattern.compile("(?m)^(nodes|links):").matcher(yaml).find();
    }

    @Test
    void everyShippedYamlNamesItsSchemaOnLineOneAndPassesItAndItsLoader() throws Exception {
        List<Path> files = shippedYaml();
        assertTrue(files.size() >= 20, files::toString); // examples/, examples/live/, topologies/
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            boolean topology = isTopology(text);
            String kind = topology ? "topology" : "scenario";
            String first = text.lines().findFirst().orElse("");
            Matcher m = SCHEMA_LINE.matcher(first);
            if (!m.matches()) {
                problems.add(f + ": line 1 is not '# yaml-language-server: $schema=.../schema/" + kind + ".schema.json'");
                continue;
            }
            Path target = f.getParent().resolve(m.group(1)).normalize();
            if (!target.equals(ROOT.resolve("schema/" + kind + ".schema.json").normalize())) {
                problems.add(f + ": names " + m.group(1) + ", which is not schema/" + kind + ".schema.json");
            }
            for (Error e : errors(topology ? TOPOLOGY : SCENARIO, text)) {
                problems.add(f + ": " + e);
            }
            // as an editor reads it: YAML 1.2, where off and yes are words, not booleans
            for (Error e : (topology ? TOPOLOGY : SCENARIO).validate(YAML_1_2.readTree(text))) {
                problems.add(f + " (YAML 1.2): " + e);
            }
            try {
                if (topology) {
                    TopologyLoader.load(f);
                } else {
                    ScenarioLoader.load(f);
                }
            } catch (TopologyException | ScenarioException e) {
                problems.add(f + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Files of the test corpus the loaders accept pass the schema: it is never stricter than they are. */
    @Test
    void everyFileTheLoadersAcceptPassesTheSchema() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int accepted = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                continue; // not UTF-8: the loaders refuse it
            }
            boolean topology = isTopology(text);
            try {
                if (topology) {
                    TopologyLoader.load(f);
                } else {
                    ScenarioLoader.load(f);
                }
            } catch (TopologyException | ScenarioException | RuntimeException e) {
                continue;
            }
            accepted++;
            for (Error e : errors(topology ? TOPOLOGY : SCENARIO, text)) {
                problems.add(f + ": " + e);
            }
        }
        assertTrue(accepted >= 15, "accepted files: " + accepted);
        assertEquals(List.of(), problems);
    }

    private static final String TOPO = """
            name: t
            nodes:
              a:
                interfaces:
                  eth0: {address: 10.0.0.1/30}
                  tunnel0: {address: 10.9.0.1/30, tunnel: {source: eth0, destination: 10.0.0.2, keepalive: true}}
                rip: {split-horizon: off, interfaces: {eth0: {}}}
              b:
                interfaces:
                  eth0: {address: 10.0.0.2/30}
            links:
              - {endpoints: [a:eth0, b:eth0], delay: 2ms, loss: "1%"}
            """;

    @Test
    void aTopologyBothAccept() throws Exception {
        TopologyLoader.parse(TOPO, "t.yaml");
        assertEquals(List.of(), errors(TOPOLOGY, TOPO));
        // an empty value is an empty mapping to the reader; to the schema too
        String empty = TOPO.replace("eth0: {}", "eth0:");
        TopologyLoader.parse(empty, "t.yaml");
        assertEquals(List.of(), errors(TOPOLOGY, empty));
    }

    /** Each edit of {@link #TOPO} is refused by the loader (with the message) and by the schema (at the path). */
    @Test
    void aTopologyBothRefuse() {
        String[][] rows = {
            {"address: 10.0.0.1/30}", "adress: 10.0.0.1/30}", "unknown key 'adress' (did you mean 'address'?)",
                "/nodes/a/interfaces/eth0"},
            {"delay: 2ms", "delay: 2", "'delay': duration '2' has no unit", "/links/0/delay"},
            {"keepalive: true", "keepalive: {period: 5s, retries: 0}", "'retries' is 0, outside 1..255",
                "/nodes/a/interfaces/tunnel0/tunnel/keepalive/retries"},
            {"split-horizon: off", "split-horizon: poisson", "unknown split-horizon 'poisson' (did you mean 'poison'?)",
                "/nodes/a/rip/split-horizon"},
            {"10.0.0.2/30}", "10.0.0.2}", "'address': '10.0.0.2' has no prefix length", "/nodes/b/interfaces/eth0/address"},
            {"rip: {", "ripv2: {", "unknown key 'ripv2' (did you mean 'rip'?)", "/nodes/a"},
            {"name: t", "name: t\nlink: []", "unknown key 'link' (did you mean 'links'?)", ""},
            {"loss: \"1%\"", "loss: 1.5", "outside 0..1", "/links/0/loss"},
            {"destination: 10.0.0.2", "destination: 10.0.0.2, mtu: 1400", "unknown key 'mtu'",
                "/nodes/a/interfaces/tunnel0/tunnel"},
        };
        for (String[] r : rows) {
            String yaml = TOPO.replace(r[0], r[1].replace("\\n", "\n"));
            assertFalse(yaml.equals(TOPO), r[0]);
            try {
                TopologyLoader.parse(yaml, "t.yaml");
                fail("the loader accepted " + r[1]);
            } catch (TopologyException e) {
                assertTrue(e.getMessage().contains(r[2]), e::getMessage);
            }
            List<Error> errs = errors(TOPOLOGY, yaml);
            assertTrue(errs.stream().anyMatch(e -> pointer(e).equals(r[3])), () -> r[1] + ": " + r[3] + " in " + errs);
        }
    }

    /** '2 ms' is a duration to both. */
    @Test
    void aDurationWithASpaceBeforeItsUnitPassesBoth() throws Exception {
        String yaml = TOPO.replace("delay: 2ms", "delay: 2 ms");
        TopologyLoader.parse(yaml, "t.yaml");
        assertEquals(List.of(), errors(TOPOLOGY, yaml));
    }

    /** The instance location of a schema error as a JSON pointer ({@code /links/0/delay}). */
    private static String pointer(Error e) {
        String p = e.getInstanceLocation().toString();
        return p.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    @Test
    void aScenarioWithAnUnknownKeyOrAWrongTypeIsRefusedByBoth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), TOPO);
        String good = """
                name: s
                topology: t.yaml
                duration: 60s
                probes:
                  - {from: a, to: b, interval: 100ms}
                timeline:
                  - {at: 10s, action: link-down, link: a:eth0}
                variants:
                  - {name: one, routing: static, keepalive: {period: 5s}, bfd: true}
                  - {name: two, routing: ospf, ospf: {hello: 1s, spf: classic}}
                """;
        Files.writeString(dir.resolve("s.yaml"), good);
        ScenarioLoader.load(dir.resolve("s.yaml"));
        assertEquals(List.of(), errors(SCENARIO, good));
        for (String[] c : new String[][] {
            {"interval: 100ms", "intervall: 100ms", "unknown key 'intervall' (did you mean 'interval'?)"},
            {"duration: 60s", "duration: [60s]", "expected a string for duration 'duration', found a list"},
            {"action: link-down", "action: link-dwn", "unknown action 'link-dwn' (did you mean 'link-down'?)"},
            {"spf: classic", "spf: {start: 1s, hld: 2s}", "unknown key 'hld' (did you mean 'hold'?)"},
        }) {
            String bad = good.replace(c[0], c[1]);
            Files.writeString(dir.resolve("s.yaml"), bad);
            try {
                ScenarioLoader.load(dir.resolve("s.yaml"));
                fail("the loader accepted " + c[1]);
            } catch (ScenarioException e) {
                assertTrue(e.getMessage().contains(c[2]), e::getMessage);
            }
            assertFalse(errors(SCENARIO, bad).isEmpty(), "the schema accepted " + c[1]);
        }
    }
}
