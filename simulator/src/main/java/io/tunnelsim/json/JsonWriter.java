package io.tunnelsim.json;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON (RFC 8259) emitter producing pretty-printed text: two-space indent,
 * {@code "key": value}, one member or element per line, {@code \n} line ends, a final newline.
 * Keys appear in the order they are written, so output is byte-stable for the same calls.
 *
 * <p>Strings are escaped per RFC 8259 section 7: {@code "} and {@code \} with a backslash,
 * the short forms {@code \b \f \n \r \t}, any other control character below U+0020 as
 * {@code \}{@code u00XX}. U+2028 and U+2029 are also escaped so the text is safe inside a
 * script element. Everything else is written as-is (UTF-8 when saved). Unpaired surrogates are
 * written as {@code \}{@code uXXXX} escapes to keep the document valid UTF-8.
 *
 * <p>Numbers are integers ({@link #value(long)}) or pre-formatted decimals
 * ({@link #seconds(long)}); no floating point, so no locale or rounding dependence.
 *
 * <p>{@link #quote} is the project's one JSON string escaper: the JSON Schema writer
 * ({@code topology.JsonSchema}) lays its documents out itself but quotes with it.
 *
 * <p>Misuse (a value where a key is required, unbalanced ends) throws
 * {@link IllegalStateException}.
 */
public final class JsonWriter {

    private enum Scope { OBJECT, ARRAY }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** Whether the current container already has a member or element. */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean nameWritten;
    private boolean rootDone;

    public JsonWriter beginObject() {
        beforeContainer();
        out.append('{');
        scopes.push(Scope.OBJECT);
        nonEmpty.push(false);
        return this;
    }

    public JsonWriter endObject() {
        return end(Scope.OBJECT, '}');
    }

    public JsonWriter beginArray() {
        beforeContainer();
        out.append('[');
        scopes.push(Scope.ARRAY);
        nonEmpty.push(false);
        return this;
    }

    public JsonWriter endArray() {
        return end(Scope.ARRAY, ']');
    }

    /** Writes a member name; the next call must write its value. */
    public JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT || nameWritten) {
            throw new IllegalStateException("name '" + name + "' outside an object or after another name");
        }
        separator();
        quote(out, name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    public JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        quote(out, s);
        return this;
    }

    public JsonWriter value(long v) {
        beforeValue();
        out.append(v);
        return this;
    }

    public JsonWriter value(boolean v) {
        beforeValue();
        out.append(v);
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Writes nanoseconds as a decimal number of seconds with nine fraction digits. */
    public JsonWriter seconds(long nanos) {
        beforeValue();
        appendSeconds(out, nanos);
        return this;
    }

    /**
     * Appends nanoseconds as decimal seconds with exactly nine fraction digits
     * ({@code 12.500000000}, {@code -0.000000001}); integer arithmetic only, so the text is exact
     * and independent of locale and floating-point rounding.
     */
    public static void appendSeconds(StringBuilder sb, long nanos) {
        // Long.MIN_VALUE has no positive counterpart; split before negating.
        long whole = nanos / NANOS_PER_SECOND;
        long frac = nanos % NANOS_PER_SECOND;
        if (nanos < 0) {
            sb.append('-');
            whole = -whole;
            frac = -frac;
        }
        sb.append(whole).append('.');
        String f = Long.toString(frac);
        for (int i = f.length(); i < 9; i++) {
            sb.append('0');
        }
        sb.append(f);
    }

    /** Shorthand for {@code name(n).value(s)}. */
    public JsonWriter member(String n, String s) {
        return name(n).value(s);
    }

    public JsonWriter member(String n, long v) {
        return name(n).value(v);
    }

    public JsonWriter member(String n, boolean v) {
        return name(n).value(v);
    }

    /** The finished document. */
    public String toJson() {
        if (!rootDone || !scopes.isEmpty()) {
            throw new IllegalStateException("document not complete");
        }
        return out + "\n";
    }

    private JsonWriter end(Scope scope, char close) {
        if (scopes.peek() != scope || nameWritten) {
            throw new IllegalStateException("cannot close " + scope + " here");
        }
        scopes.pop();
        boolean had = nonEmpty.pop();
        if (had) {
            newline();
        }
        out.append(close);
        if (scopes.isEmpty()) {
            rootDone = true;
        }
        return this;
    }

    private void beforeContainer() {
        if (scopes.isEmpty()) {
            if (rootDone) {
                throw new IllegalStateException("document already complete");
            }
            return;
        }
        beforeValue();
    }

    private void beforeValue() {
        if (scopes.isEmpty()) {
            throw new IllegalStateException("the document root must be an object or an array");
        }
        if (scopes.peek() == Scope.OBJECT) {
            if (!nameWritten) {
                throw new IllegalStateException("value in an object without a name");
            }
            nameWritten = false;
        } else {
            separator();
        }
    }

    private void separator() {
        if (nonEmpty.peek()) {
            out.append(',');
        } else {
            nonEmpty.pop();
            nonEmpty.push(true);
        }
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < scopes.size(); i++) {
            out.append("  ");
        }
    }

    /** Appends {@code s} as a JSON string literal with RFC 8259 escaping. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(s, i)) {
                        unicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        final String hex = "0123456789abcdef";
        sb.append("\\u").append(hex.charAt(c >> 12 & 0xF)).append(hex.charAt(c >> 8 & 0xF))
                .append(hex.charAt(c >> 4 & 0xF)).append(hex.charAt(c & 0xF));
    }
}
