package io.tunnelsim.ipsec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code key: value} blocks of the vector files under {@code src/test/resources/ipsec}:
 * one case per block, blocks separated by blank lines, {@code #} starts a comment line.
 */
public final class TestVectors {

    private TestVectors() {
    }

    public static List<Map<String, String>> load(String resource) {
        InputStream in = TestVectors.class.getResourceAsStream("/ipsec/" + resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource ipsec/" + resource);
        }
        List<Map<String, String>> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            Map<String, String> current = new LinkedHashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (!current.isEmpty()) {
                        cases.add(current);
                        current = new LinkedHashMap<>();
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            if (!current.isEmpty()) {
                cases.add(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
