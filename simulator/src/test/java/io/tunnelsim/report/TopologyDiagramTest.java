package io.tunnelsim.report;

import io.tunnelsim.testutil.Repo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.FailureHighlights;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologyGenerator;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TopologyDiagramTest {
    static final Path ROOT = root();

    static Path root() {
        return Repo.root();
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img);
        return img;
    }

    /** Pure or nearly pure failure red: the anti-aliased edge of a red stroke stays red-dominant. */
    private static boolean red(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getGreen() < 110 && c.getBlue() < 110;
    }

    private static int redPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += red(img.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    private static int at(BufferedImage img, Point2D p) {
        return img.getRGB((int) p.getX(), (int) p.getY());
    }

    @Test
    void scenarioFailureIsDrawnInRedAndNothingElseIs() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ROOT.resolve("examples/failover-static-vs-dynamic.yaml"));
        TopologyDiagram.Highlights h = FailureHighlights.of(s);
        assertEquals(Map.of("isp-a-br", "silent-failure at 100.00 s"), h.links(), "only the failure, not the restoration");
        TopologyDiagram d = TopologyDiagram.of(s.topology(), h);
        BufferedImage img = decode(d.png());
        assertEquals(TopologyDiagram.WIDTH, img.getWidth());
        assertEquals(TopologyDiagram.HEIGHT, img.getHeight());
        assertEquals(0xFFFFFFFF, img.getRGB(2, 2), "white background");
        assertTrue(red(at(img, d.linkPoint("isp-a-br"))), "the failed link is red where it is drawn");
        for (String other : new String[] {"hq-isp-a", "hq-isp-b", "isp-b-br"}) {
            assertFalse(red(at(img, d.linkPoint(other))), other + " is not highlighted");
        }
        assertFalse(red(at(img, d.nodeCenter("isp-a"))), "nodes of the failed link keep their colour");

        BufferedImage plain = decode(TopologyDiagram.of(s.topology(), TopologyDiagram.Highlights.NONE).png());
        assertEquals(0, redPixels(plain), "no failure, no red");
        assertTrue(redPixels(img) > 200, "the failed link, its cross and its label");
    }

    @Test
    void crashedNodeIsFilledAndOutlinedInRed() throws Exception {
        TopologySpec t = TopologyLoader.load(ROOT.resolve("topologies/two-site-dual-isp.yaml"));
        TopologyDiagram d = TopologyDiagram.of(t, new TopologyDiagram.Highlights(Map.of("isp-b", "node-crash at 5 s"),
                Map.of(), Map.of()));
        BufferedImage img = decode(d.png());
        assertEquals(TopologyDiagram.FAILED_FILL.getRGB(), img.getRGB((int) d.nodeCenter("isp-b").getX() - 20,
                (int) d.nodeCenter("isp-b").getY() - 6) | 0xFF000000, "inside the box, off the name");
        assertFalse(red(at(img, d.linkPoint("isp-a-br"))));
    }

    @Test
    void sameTopologyGivesTheSameBytesAndNoTimestamp() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ROOT.resolve("examples/failover-static-vs-dynamic.yaml"));
        byte[] a = TopologyDiagram.of(s.topology(), FailureHighlights.of(s)).png();
        ScenarioSpec again = ScenarioLoader.load(ROOT.resolve("examples/failover-static-vs-dynamic.yaml"));
        byte[] b = TopologyDiagram.of(again.topology(), FailureHighlights.of(again)).png();
        assertArrayEquals(a, b);
        assertFalse(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1).contains("tIME"));
    }

    @Test
    void everyNodeLiesInsideThePictureForSmallAndLargeTopologies() throws Exception {
        for (String yaml : new String[] {
            Files.readString(ROOT.resolve("topologies/dual-hub.yaml")),
            TopologyGenerator.hubAndSpoke(400, 2, RoutingProtocol.named("ospf")), // circular layout above 300 vertices
            "name: one\nnodes:\n  r1: {kind: router, interfaces: {lo0: {address: 1.1.1.1/32}}}\n",
        }) {
            TopologySpec t = TopologyLoader.parse(yaml, "t.yaml");
            TopologyDiagram d = TopologyDiagram.of(t, TopologyDiagram.Highlights.NONE);
            for (String n : t.nodes().keySet()) {
                Point2D p = d.nodeCenter(n);
                assertTrue(p.getX() >= 40 && p.getX() <= TopologyDiagram.WIDTH - 40
                        && p.getY() >= 40 && p.getY() <= TopologyDiagram.HEIGHT - 40, t.name() + " " + n + " at " + p);
            }
            assertEquals(TopologyDiagram.WIDTH, decode(d.png()).getWidth());
        }
    }

    @Test
    void lanSegmentIsOneSquareJoinedToEveryNode() throws Exception {
        String yaml = """
                name: lan
                nodes:
                  r1: {kind: router, interfaces: {eth0: {address: 10.0.0.1/24}}}
                  r2: {kind: router, interfaces: {eth0: {address: 10.0.0.2/24}}}
                  r3: {kind: router, interfaces: {eth0: {address: 10.0.0.3/24}}}
                links:
                  - {name: lan, endpoints: ["r1:eth0", "r2:eth0", "r3:eth0"]}
                """;
        TopologySpec t = TopologyLoader.parse(yaml, "lan.yaml");
        TopologyDiagram d = TopologyDiagram.of(t, new TopologyDiagram.Highlights(Map.of(), Map.of("lan", "link-down at 1 s"),
                Map.of()));
        BufferedImage img = decode(d.png());
        assertTrue(red(at(img, d.linkPoint("lan"))));
    }
}
