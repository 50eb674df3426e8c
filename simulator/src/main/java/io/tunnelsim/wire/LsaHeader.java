package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;

import java.util.Objects;

/**
 * The 20-byte LSA header (RFC 2328 §A.4.1), exactly as on the wire, checksum and length
 * included: it is what Database Description and Link State Acknowledgment packets carry.
 *
 * @param age LS age in seconds, 0..65535 (values above {@link #MAX_AGE} count as MaxAge)
 * @param options the Options field (§A.2)
 * @param type LS type: 1 router, 2 network, 3 summary (network), 4 summary (ASBR), 5 AS-external
 * @param sequenceNumber signed 32-bit LS sequence number, {@link #INITIAL_SEQUENCE_NUMBER} to
 *        {@link #MAX_SEQUENCE_NUMBER}
 * @param checksum Fletcher checksum, unsigned 16-bit
 * @param length length of the whole LSA in bytes, header included
 */
public record LsaHeader(int age, int options, int type, Ipv4Address linkStateId, Ipv4Address advertisingRouter,
                        int sequenceNumber, int checksum, int length) {

    public static final int LENGTH = 20;
    public static final int ROUTER = 1;
    public static final int NETWORK = 2;
    public static final int SUMMARY_NETWORK = 3;
    public static final int SUMMARY_ASBR = 4;
    public static final int AS_EXTERNAL = 5;

    /** Architectural constants of RFC 2328 Appendix B, in seconds. */
    public static final int MAX_AGE = 3600;
    public static final int MAX_AGE_DIFF = 900;
    public static final int LS_REFRESH_TIME = 1800;
    public static final int CHECK_AGE = 300;
    public static final int MIN_LS_INTERVAL = 5;
    public static final int MIN_LS_ARRIVAL = 1;

    /** RFC 2328 §12.1.6: sequence numbers run from 0x80000001 to 0x7FFFFFFF; 0x80000000 is unused. */
    public static final int INITIAL_SEQUENCE_NUMBER = 0x8000_0001;
    public static final int MAX_SEQUENCE_NUMBER = 0x7FFF_FFFF;
    public static final int RESERVED_SEQUENCE_NUMBER = 0x8000_0000;

    public LsaHeader {
        if (age < 0 || age > 0xffff || options < 0 || options > 0xff || type < 0 || type > 0xff) {
            throw new IllegalArgumentException("age/options/type out of range");
        }
        if (checksum < 0 || checksum > 0xffff || length < LENGTH || length > 0xffff) {
            throw new IllegalArgumentException("checksum/length out of range");
        }
        Objects.requireNonNull(linkStateId, "linkStateId");
        Objects.requireNonNull(advertisingRouter, "advertisingRouter");
    }

    public LsaKey key() {
        return new LsaKey(type, linkStateId.bits(), advertisingRouter.bits());
    }

    /** True when the age has reached MaxAge (the LSA is being flushed). */
    public boolean isMaxAge() {
        return age >= MAX_AGE;
    }

    /**
     * Which of two instances of the same LSA is more recent (RFC 2328 §13.1). Returns a positive
     * number when this instance is newer, negative when {@code other} is newer, and 0 when they
     * are considered the same instance. In order: the greater (signed) sequence number is newer;
     * then the greater (unsigned) checksum; then an instance at MaxAge; then, when the ages
     * differ by more than MaxAgeDiff, the younger one.
     */
    public int compareInstance(LsaHeader other) {
        return compareInstance(other.sequenceNumber, other.checksum, other.age);
    }

    /**
     * {@link #compareInstance(LsaHeader)} against an instance given by its sequence number,
     * checksum and LS age, as a database holds them (the age of a stored LSA advances
     * without its header being rebuilt).
     */
    public int compareInstance(int otherSequenceNumber, int otherChecksum, int otherAge) {
        if (sequenceNumber != otherSequenceNumber) {
            return sequenceNumber > otherSequenceNumber ? 1 : -1;
        }
        if (checksum != otherChecksum) {
            return checksum > otherChecksum ? 1 : -1;
        }
        boolean thisMax = isMaxAge();
        boolean otherMax = otherAge >= MAX_AGE;
        if (thisMax != otherMax) {
            return thisMax ? 1 : -1;
        }
        int a = Math.min(age, MAX_AGE);
        int b = Math.min(otherAge, MAX_AGE);
        if (Math.abs(a - b) > MAX_AGE_DIFF) {
            return a < b ? 1 : -1;
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.format("LSA[type %d id %s adv %s seq 0x%08x age %d cksum 0x%04x len %d]", type, linkStateId,
                advertisingRouter, sequenceNumber, age, checksum, length);
    }
}
