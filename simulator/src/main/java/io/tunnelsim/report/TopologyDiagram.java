package io.tunnelsim.report;

import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologyGraph;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.TunnelSpec;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.CircularLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A picture of a topology: routers as boxes, hosts as ovals, links as solid lines, LAN segments
 * (three or more nodes) as a small square joined to every attached node, GRE tunnels as dashed
 * blue curves from the tunnel's node to the node that owns its destination. Failed elements are
 * drawn in red with the action that failed them beside them.
 *
 * <p>Layout: jgrapht's Fruchterman–Reingold force-directed algorithm over the physical links
 * (nodes and segments), started from a fixed seed, so the same topology always gives the same
 * picture; above {@value #FORCE_LAYOUT_LIMIT} vertices the circular layout is used instead (the
 * force layout's cost grows with the square of the vertex count). Tunnels do not pull on the
 * layout: they are drawn over the physical picture.
 *
 * <p>Output is repeatable: fixed size, colours and fonts, and the PNG encoder writes no
 * timestamp. The class sets {@code java.awt.headless=true} before any AWT class is touched.
 */
public final class TopologyDiagram {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    /** Above this many vertices the circular layout replaces the force-directed one. */
    static final int FORCE_LAYOUT_LIMIT = 300;
    /** Above this many nodes only failed nodes carry their name (labels would cover the picture). */
    static final int LABEL_LIMIT = 120;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Colour of failed elements. */
    public static final Color FAILED = new Color(0xC0392B);
    static final Color LINK = new Color(0x555555);
    static final Color TUNNEL = new Color(0x0072B2);
    static final Color ROUTER_FILL = new Color(0xE8F1FA);
    static final Color HOST_FILL = new Color(0xF2F2F2);
    static final Color FAILED_FILL = new Color(0xFADBD8);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NODE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int TOP = 46;
    private static final int BOTTOM = 44;
    private static final int SIDE = 70;

    /**
     * What failed: nodes and links by name, tunnels by {@code node:interface}, each with the text
     * drawn beside it (e.g. {@code silent-failure at 10 s}).
     */
    public record Highlights(Map<String, String> nodes, Map<String, String> links, Map<Endpoint, String> tunnels) {
        public static final Highlights NONE = new Highlights(Map.of(), Map.of(), Map.of());

        public Highlights {
            nodes = Map.copyOf(nodes);
            links = Map.copyOf(links);
            tunnels = Map.copyOf(tunnels);
        }

        public boolean isEmpty() {
            return nodes.isEmpty() && links.isEmpty() && tunnels.isEmpty();
        }

        /** One line naming every highlighted element, in a fixed order, for captions. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            new java.util.TreeMap<>(nodes).forEach((k, v) -> parts.add("node " + k + " (" + v + ")"));
            new java.util.TreeMap<>(links).forEach((k, v) -> parts.add("link " + k + " (" + v + ")"));
            new java.util.TreeMap<>(tunnels).forEach((k, v) -> parts.add("tunnel " + k + " (" + v + ")"));
            return String.join("; ", parts);
        }
    }

    /**
     * A drawn tunnel: from its node to the owner of its destination. {@code key} is the same for a
     * tunnel and its mirror at the far end (the unordered pair of outer addresses).
     */
    record TunnelEdge(Endpoint from, String to, String key) {
    }

    private final TopologySpec spec;
    private final Highlights highlights;
    /** Pixel centre of every vertex: node names, and {@code link:NAME} for segments. */
    private final Map<String, double[]> at = new LinkedHashMap<>();
    private final List<TunnelEdge> tunnels = new ArrayList<>();
    /** Failure labels collected while drawing, drawn on top at the end. */
    private final List<Note> notes = new ArrayList<>();

    private final List<java.awt.geom.Rectangle2D> nodeBoxes = new ArrayList<>();

    /** A failure label and the point it belongs to. */
    private record Note(String text, double x, double y) {
    }

    private TopologyDiagram(TopologySpec spec, Highlights highlights) {
        this.spec = spec;
        this.highlights = highlights;
        layout();
        TopologyGraph owners = new TopologyGraph(spec);
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                Optional<TunnelSpec> t = i.tunnel();
                if (t.isPresent() && t.get().destination() != null) {
                    String src = t.get().sourceAddress().map(Object::toString).orElseGet(() -> {
                        InterfaceSpec si = n.interfaces().get(t.get().sourceInterface());
                        return si == null || si.address().isEmpty() ? n.name() + ":" + i.name()
                                : si.address().get().address().toString();
                    });
                    String dst = t.get().destination().toString();
                    String key = src.compareTo(dst) < 0 ? src + " " + dst : dst + " " + src;
                    owners.ownerOf(t.get().destination()).filter(o -> !o.equals(n.name()))
                            .ifPresent(o -> tunnels.add(new TunnelEdge(new Endpoint(n.name(), i.name()), o, key)));
                }
            }
        }
    }

    /** Lays out {@code spec}; {@code highlights} name elements of it (others are ignored by drawing). */
    public static TopologyDiagram of(TopologySpec spec, Highlights highlights) {
        return new TopologyDiagram(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(highlights, "highlights"));
    }

    private static String segmentVertex(LinkSpec l) {
        return "link:" + l.name();
    }

    private static boolean drawnAsSegment(LinkSpec l) {
        return l.endpoints().stream().map(Endpoint::node).distinct().count() > 2;
    }

    private void layout() {
        Graph<String, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
        spec.nodes().keySet().forEach(g::addVertex);
        for (LinkSpec l : spec.links()) {
            List<String> nodes = l.endpoints().stream().map(Endpoint::node).distinct().filter(g::containsVertex).toList();
            if (drawnAsSegment(l)) {
                String s = segmentVertex(l);
                g.addVertex(s);
                nodes.forEach(n -> g.addEdge(s, n));
            } else if (nodes.size() == 2) {
                g.addEdge(nodes.get(0), nodes.get(1));
            }
        }
        MapLayoutModel2D<String> model = new MapLayoutModel2D<>(Box2D.of(0, 0, 1000, 1000));
        if (g.vertexSet().size() > FORCE_LAYOUT_LIMIT) {
            new CircularLayoutAlgorithm2D<String, DefaultEdge>(500).layout(g, model);
        } else if (g.vertexSet().size() > 1) {
            // fixed seed: the same topology gives the same picture
            new FRLayoutAlgorithm2D<String, DefaultEdge>(300, 0.5, new Random(1)).layout(g, model);
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String v : g.vertexSet()) {
            Point2D p = model.get(v);
            double x = p == null ? 500 : p.getX();
            double y = p == null ? 500 : p.getY();
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        double w = WIDTH - 2.0 * SIDE;
        double h = HEIGHT - TOP - BOTTOM - 40.0;
        double sx = maxX - minX < 1e-9 ? 0 : w / (maxX - minX);
        double sy = maxY - minY < 1e-9 ? 0 : h / (maxY - minY);
        for (String v : g.vertexSet()) {
            Point2D p = model.get(v);
            double x = p == null ? 500 : p.getX();
            double y = p == null ? 500 : p.getY();
            double px = sx == 0 ? WIDTH / 2.0 : SIDE + (x - minX) * sx;
            double py = sy == 0 ? TOP + 20 + h / 2 : TOP + 20 + (y - minY) * sy;
            at.put(v, new double[] {Math.round(px), Math.round(py)});
        }
    }

    /** What this diagram marks as failed. */
    public Highlights highlights() {
        return highlights;
    }

    /** Pixel centre of a node's symbol. */
    public java.awt.geom.Point2D nodeCenter(String node) {
        double[] p = at.get(node);
        if (p == null) {
            throw new IllegalArgumentException("no node '" + node + "'");
        }
        return new java.awt.geom.Point2D.Double(p[0], p[1]);
    }

    /**
     * A pixel on the drawn line of a link, away from node symbols: the middle of a point-to-point
     * link, or a quarter of the way from a segment's square to its first node.
     */
    public java.awt.geom.Point2D linkPoint(String link) {
        LinkSpec l = spec.link(link).orElseThrow(() -> new IllegalArgumentException("no link '" + link + "'"));
        List<String> nodes = l.endpoints().stream().map(Endpoint::node).distinct().toList();
        double[] a;
        double[] b;
        if (drawnAsSegment(l)) {
            a = at.get(segmentVertex(l));
            b = at.get(nodes.get(0));
            return new java.awt.geom.Point2D.Double(Math.round(a[0] + (b[0] - a[0]) * 0.3), Math.round(a[1] + (b[1] - a[1]) * 0.3));
        }
        a = at.get(nodes.get(0));
        b = at.get(nodes.size() > 1 ? nodes.get(1) : nodes.get(0));
        return new java.awt.geom.Point2D.Double(Math.round((a[0] + b[0]) / 2), Math.round((a[1] + b[1]) / 2));
    }

    /** Draws the diagram. */
    public synchronized BufferedImage render() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(TITLE_FONT);
            g.setColor(Color.BLACK);
            drawCentered(g, "Topology " + spec.name(), WIDTH / 2.0, 26);
            drawLinks(g);
            drawTunnels(g);
            drawNodes(g);
            drawNotes(g);
            drawLegend(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The diagram as PNG bytes (no timestamp chunk: the same topology gives the same bytes). */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            if (!ImageIO.write(render(), "png", out)) {
                throw new IllegalStateException("no PNG encoder in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void drawLinks(Graphics2D g) {
        for (LinkSpec l : spec.links()) {
            String failure = highlights.links().get(l.name());
            List<String> nodes = l.endpoints().stream().map(Endpoint::node).distinct().filter(at::containsKey).toList();
            g.setColor(failure != null ? FAILED : LINK);
            g.setStroke(new BasicStroke(failure != null ? 4f : 1.8f));
            double[] note;
            if (drawnAsSegment(l)) {
                double[] s = at.get(segmentVertex(l));
                for (String n : nodes) {
                    double[] p = at.get(n);
                    g.draw(new Line2D.Double(s[0], s[1], p[0], p[1]));
                }
                g.fill(new java.awt.geom.Rectangle2D.Double(s[0] - 7, s[1] - 7, 14, 14));
                g.setFont(NODE_FONT);
                g.drawString(l.name(), (float) s[0] + 10, (float) s[1] - 8);
                note = s;
            } else if (nodes.size() == 2) {
                double[] a = at.get(nodes.get(0));
                double[] b = at.get(nodes.get(1));
                g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
                note = new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
            } else {
                continue;
            }
            if (failure != null) {
                cross(g, note[0], note[1]);
                notes.add(new Note(failure, note[0], note[1]));
            }
        }
    }

    private void drawTunnels(Graphics2D g) {
        Set<String> drawn = new LinkedHashSet<>();
        Map<String, Integer> perPair = new LinkedHashMap<>();
        for (TunnelEdge t : tunnels) {
            String failure = highlights.tunnels().get(t.from());
            if (failure == null && !drawn.add(t.key())) {
                continue; // the far end's mirroring tunnel is drawn already
            }
            boolean forward = t.from().node().compareTo(t.to()) < 0;
            String pair = forward ? t.from().node() + "\u0000" + t.to() : t.to() + "\u0000" + t.from().node();
            int k = perPair.merge(pair, 1, Integer::sum) - 1;
            double[] p = at.get(forward ? t.from().node() : t.to());
            double[] q = at.get(forward ? t.to() : t.from().node());
            // bend each tunnel of a node pair off the straight line: first to one side, then the other, wider
            double mx = (p[0] + q[0]) / 2;
            double my = (p[1] + q[1]) / 2;
            double dx = q[0] - p[0];
            double dy = q[1] - p[1];
            double len = Math.max(1, Math.hypot(dx, dy));
            double bend = Math.min(60, 0.18 * len) * (1 + k / 2) * (k % 2 == 0 ? 1 : -1);
            double cx = mx - dy / len * bend;
            double cy = my + dx / len * bend;
            g.setColor(failure != null ? FAILED : TUNNEL);
            g.setStroke(new BasicStroke(failure != null ? 3.5f : 1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {7f, 5f}, 0f));
            g.draw(new QuadCurve2D.Double(p[0], p[1], cx, cy, q[0], q[1]));
            double tx = 0.25 * p[0] + 0.5 * cx + 0.25 * q[0];
            double ty = 0.25 * p[1] + 0.5 * cy + 0.25 * q[1];
            if (failure != null) {
                cross(g, tx, ty);
                notes.add(new Note(t.from() + ": " + failure, tx, ty));
            } else if (spec.nodes().size() <= LABEL_LIMIT) {
                g.setFont(NODE_FONT);
                g.drawString(t.from().iface(), (float) tx + 4, (float) ty - 4);
            }
        }
    }

    private void drawNodes(Graphics2D g) {
        boolean labels = spec.nodes().size() <= LABEL_LIMIT;
        g.setFont(NODE_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (NodeSpec n : spec.nodes().values()) {
            double[] p = at.get(n.name());
            String failure = highlights.nodes().get(n.name());
            boolean named = labels || failure != null;
            double w = named ? fm.stringWidth(n.name()) + 16 : 10;
            double h = named ? 22 : 10;
            Shape s = n.isHost() ? new Ellipse2D.Double(p[0] - w / 2 - 4, p[1] - h / 2, w + 8, h)
                    : new RoundRectangle2D.Double(p[0] - w / 2, p[1] - h / 2, w, h, 8, 8);
            g.setColor(failure != null ? FAILED_FILL : n.isHost() ? HOST_FILL : ROUTER_FILL);
            g.fill(s);
            nodeBoxes.add(s.getBounds2D());
            g.setColor(failure != null ? FAILED : n.isHost() ? LINK : TUNNEL);
            g.setStroke(new BasicStroke(failure != null ? 3.5f : 1.4f));
            g.draw(s);
            if (named) {
                g.setColor(failure != null ? FAILED : Color.BLACK);
                g.setFont(NODE_FONT);
                drawCentered(g, n.name(), p[0], p[1] + fm.getAscent() / 2.0 - 2);
            }
            if (failure != null) {
                notes.add(new Note(failure, p[0], p[1] + h / 2 + 2));
            }
        }
    }

    /**
     * Failure labels, drawn last on a white ground so that no line hides them, at the first of a
     * few places around the marked point that covers no node and stays in the picture.
     */
    private void drawNotes(Graphics2D g) {
        g.setFont(NOTE_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (Note n : notes) {
            int w = fm.stringWidth(n.text());
            int h = fm.getHeight();
            double[][] candidates = {
                {n.x() - w / 2.0, n.y() + 12}, {n.x() + 12, n.y() + 6}, {n.x() - w - 12, n.y() + 6},
                {n.x() - w / 2.0, n.y() - h - 10}, {n.x() + 12, n.y() - h - 4}, {n.x() - w - 12, n.y() - h - 4},
            };
            java.awt.geom.Rectangle2D box = null;
            for (double[] c : candidates) {
                double x = Math.max(4, Math.min(c[0], WIDTH - w - 8));
                double y = Math.max(TOP - h, Math.min(c[1], HEIGHT - BOTTOM - h));
                java.awt.geom.Rectangle2D r = new java.awt.geom.Rectangle2D.Double(x - 3, y, w + 6, h + 2);
                if (box == null) {
                    box = r;
                }
                if (nodeBoxes.stream().noneMatch(r::intersects)) {
                    box = r;
                    break;
                }
            }
            g.setColor(new Color(255, 255, 255, 225));
            g.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 6, 6));
            g.setColor(FAILED);
            g.drawString(n.text(), (float) box.getX() + 3, (float) (box.getY() + 1 + fm.getAscent()));
        }
        notes.clear();
        nodeBoxes.clear();
    }

    private void drawLegend(Graphics2D g) {
        int y = HEIGHT - 18;
        int x = 20;
        g.setFont(LEGEND_FONT);
        g.setColor(LINK);
        g.setStroke(new BasicStroke(1.8f));
        g.draw(new Line2D.Double(x, y - 4, x + 30, y - 4));
        g.drawString("link", x + 36, y);
        x += 90;
        g.setColor(TUNNEL);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        g.draw(new Line2D.Double(x, y - 4, x + 30, y - 4));
        g.drawString("GRE tunnel", x + 36, y);
        x += 130;
        g.setColor(ROUTER_FILL);
        g.fill(new RoundRectangle2D.Double(x, y - 11, 22, 14, 6, 6));
        g.setColor(TUNNEL);
        g.setStroke(new BasicStroke(1.4f));
        g.draw(new RoundRectangle2D.Double(x, y - 11, 22, 14, 6, 6));
        g.drawString("router", x + 28, y);
        x += 90;
        g.setColor(HOST_FILL);
        g.fill(new Ellipse2D.Double(x, y - 11, 22, 14));
        g.setColor(LINK);
        g.draw(new Ellipse2D.Double(x, y - 11, 22, 14));
        g.drawString("host", x + 28, y);
        x += 80;
        g.fill(new java.awt.geom.Rectangle2D.Double(x + 4, y - 10, 12, 12));
        g.drawString("LAN segment", x + 24, y);
        x += 130;
        if (!highlights.isEmpty()) {
            g.setColor(FAILED);
            g.setStroke(new BasicStroke(4f));
            g.draw(new Line2D.Double(x, y - 4, x + 30, y - 4));
            g.drawString("failed by the scenario", x + 36, y);
        }
    }

    private static void cross(Graphics2D g, double x, double y) {
        g.setStroke(new BasicStroke(3.5f));
        g.draw(new Line2D.Double(x - 7, y - 7, x + 7, y + 7));
        g.draw(new Line2D.Double(x - 7, y + 7, x + 7, y - 7));
    }

    private static void drawCentered(Graphics2D g, String text, double cx, double baseline) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (cx - w / 2.0), (float) baseline);
    }
}
