package io.tunnelsim.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a loaded file was written, keyed by a slash-separated path such as
 * {@code nodes/hq/interfaces/tunnel0/tunnel/destination} or {@code links/0/endpoints/1}.
 * Lets later stages (graph checks, network building) report problems at the right line.
 */
public final class SourceLocations {

    private final String file;
    private final Map<String, Location> byPath = new HashMap<>();

    public SourceLocations(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    void put(String path, Location at) {
        byPath.putIfAbsent(path, at);
    }

    /**
     * The location of {@code path}, or of its nearest recorded ancestor, or the start of the file.
     */
    public Location of(String path) {
        String p = path;
        while (true) {
            Location at = byPath.get(p);
            if (at != null) {
                return at;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return new Location(file, 1, 1);
            }
            p = p.substring(0, slash);
        }
    }

    /** Joins path segments with '/'. */
    public static String path(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object o : parts) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(o);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocations s && s.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    @Override
    public String toString() {
        return "SourceLocations[" + file + ", " + byPath.size() + " paths]";
    }
}
