package io.tunnelsim.wire;

import java.util.List;

/**
 * A RIP message (RFC 2453 §4): command, version and up to 25 route entries.
 *
 * @param command {@link #REQUEST} or {@link #RESPONSE}
 * @param version 2 for everything this simulator sends; decoded packets report what they carry
 */
public record RipPacket(int command, int version, List<RipEntry> entries) {

    public static final int REQUEST = 1;
    public static final int RESPONSE = 2;
    public static final int MAX_ENTRIES = 25;
    public static final int UDP_PORT = 520;

    public RipPacket {
        if (command != REQUEST && command != RESPONSE) {
            throw new IllegalArgumentException("command " + command);
        }
        if (version < 1 || version > 0xff) {
            throw new IllegalArgumentException("version " + version);
        }
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(entries.size() + " entries, at most 25");
        }
    }

    public static RipPacket response(List<RipEntry> entries) {
        return new RipPacket(RESPONSE, 2, entries);
    }

    /** The request for a neighbour's whole routing table (RFC 2453 §3.9.1). */
    public static RipPacket wholeTableRequest() {
        return new RipPacket(REQUEST, 2, List.of(RipEntry.wholeTable()));
    }

    /** True for a request with exactly one entry of address family 0 and metric 16. */
    public boolean isWholeTableRequest() {
        return command == REQUEST && entries.size() == 1
                && entries.get(0).addressFamily() == RipEntry.AFI_UNSPECIFIED
                && entries.get(0).metric() == RipEntry.INFINITY;
    }

    public int encodedLength() {
        return RipCodec.HEADER_LENGTH + entries.size() * RipCodec.ENTRY_LENGTH;
    }
}
