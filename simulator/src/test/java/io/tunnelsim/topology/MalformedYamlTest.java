package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Malformed YAML becomes one positioned diagnostic, never another exception. */
class MalformedYamlTest {

    private static final Path BAD = Path.of("src/test/resources/yaml/bad");

    private static Diagnostic onlyError(Path file) {
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.load(file));
        assertEquals(1, e.errors().size(), e::getMessage);
        Diagnostic d = e.errors().get(0);
        assertEquals(file.toString(), d.file());
        return d;
    }

    @Test
    void tabIndentation() {
        Diagnostic d = onlyError(BAD.resolve("tabs.yaml"));
        assertEquals(2, d.line());
        assertEquals(1, d.column());
        assertTrue(d.message().startsWith("tab character where YAML expects spaces"), d::toString);
        assertTrue(d.toString().startsWith(BAD.resolve("tabs.yaml") + ":2:1: error: "), d::toString);
    }

    @Test
    void duplicateKeys() {
        Diagnostic d = onlyError(BAD.resolve("duplicate-keys.yaml"));
        assertEquals(4, d.line());
        assertEquals(3, d.column());
        assertEquals("duplicate key 'a' (first written at line 2)", d.message());
    }

    @Test
    void billionLaughsIsRejectedBeforeExpansion() {
        Diagnostic d = onlyError(BAD.resolve("billion-laughs.yaml"));
        assertTrue(d.message().contains("billion laughs"), d::toString);
        assertEquals(1, d.line());
    }

    @Test
    void tooManyAliasesAreRejectedByTheParser() {
        StringBuilder sb = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i < 30; i++) {
            sb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(sb.toString(), "bomb.yaml"));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).message().contains("too many aliases"), e::getMessage);
    }

    @Test
    void recursiveAlias() {
        Diagnostic d = onlyError(BAD.resolve("recursive-alias.yaml"));
        assertTrue(d.message().contains("recursive") || d.message().contains("alias"), d::toString);
    }

    @Test
    void truncatedFile() {
        Diagnostic d = onlyError(BAD.resolve("truncated.yaml"));
        assertEquals(5, d.line());
        assertTrue(d.message().startsWith("YAML syntax error"), d::toString);
    }

    @Test
    void binaryGarbage() {
        Diagnostic d = onlyError(BAD.resolve("binary-garbage.bin"));
        assertTrue(d.message().contains("binary"), d::toString);
        Diagnostic nul = onlyError(BAD.resolve("nul-bytes.yaml"));
        assertEquals(2, nul.line());
        assertEquals(8, nul.column());
        assertTrue(nul.message().contains("U+0000"), nul::toString);
        Diagnostic latin = onlyError(BAD.resolve("latin1.yaml"));
        assertEquals(1, latin.line());
        assertEquals(10, latin.column());
        assertTrue(latin.message().startsWith("invalid UTF-8 at byte 9"), latin::toString);
    }

    @Test
    void structuralProblems() {
        assertEquals("file is empty (expected a mapping)", onlyError(BAD.resolve("empty.yaml")).message());
        assertTrue(onlyError(BAD.resolve("two-documents.yaml")).message().contains("single document"));
        assertTrue(onlyError(BAD.resolve("scalar-root.yaml")).message().startsWith("expected a mapping for the topology"));
        assertTrue(onlyError(BAD.resolve("list-root.yaml")).message().contains("found a list"));
        assertTrue(onlyError(BAD.resolve("undefined-alias.yaml")).message().contains("undefined alias"));
        Diagnostic q = onlyError(BAD.resolve("unclosed-quote.yaml"));
        assertTrue(q.message().startsWith("YAML syntax error"), q::toString);
    }

    @Test
    void missingFile() {
        Diagnostic d = onlyError(BAD.resolve("no-such-file.yaml"));
        assertEquals("file not found", d.message());
        assertEquals(1, d.line());
    }

    @Test
    void deepNesting() {
        String deep = "nodes: " + "[".repeat(200) + "]".repeat(200) + "\n";
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse(deep, "deep.yaml"));
        assertEquals(List.of(), e.errors().stream().filter(x -> x.line() < 1 || x.column() < 1).toList());
        assertTrue(e.getMessage().contains("nested deeper"), e::getMessage);
    }

    @Test
    void exceptionMessageIsTheDiagnosticLines() {
        TopologyException e = assertThrows(TopologyException.class,
                () -> TopologyLoader.parse("nodes:\n  a: {kind: hots}\nlinkz: []\n", "x.yaml"));
        assertEquals("x.yaml:2:13: error: unknown kind 'hots' (did you mean 'host'?)\n"
                + "x.yaml:3:1: error: unknown key 'linkz' (did you mean 'links'?)", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace is captured for user errors");
    }
}
