package io.tunnelsim.report;

import java.util.List;

/**
 * Builds CSV text as RFC 4180 describes it, except that records end with LF (as every Unix
 * tool, awk and cut included, expects; RFC 4180 §2 asks for CRLF, which most CSV readers accept
 * either way): a field containing a comma, a double
 * quote, CR or LF is enclosed in double quotes, and a double quote inside it is doubled. Other
 * fields are written bare. The first record is the header.
 *
 * <p>Numbers are formatted by the caller (see {@link Seconds}); an empty string is an absent
 * value.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder(4096);
    private final int columns;

    public CsvWriter(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("CSV needs at least one column");
        }
        this.columns = header.size();
        row(header);
    }

    public CsvWriter(String... header) {
        this(List.of(header));
    }

    /** Appends one record; it must have as many fields as the header. */
    public CsvWriter row(List<String> fields) {
        if (fields.size() != columns) {
            throw new IllegalArgumentException("record has " + fields.size() + " fields, header has " + columns);
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields.get(i));
        }
        out.append('\n');
        return this;
    }

    public CsvWriter row(String... fields) {
        return row(List.of(fields));
    }

    public String toCsv() {
        return out.toString();
    }

    /** Appends one field, quoted only when RFC 4180 requires it. */
    static void field(StringBuilder sb, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
