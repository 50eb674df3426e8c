package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IPv4 reassembly (RFC 791 §3.2, RFC 815) on a node of its own, fed fragments built by hand or
 * by {@link Fragmenter}.
 */
class ReassemblyTest {
    static final int SRC = Ipv4Address.parse("192.0.2.1").bits();
    static final int DST = Ipv4Address.parse("198.51.100.7").bits();
    static final int UDP = 17;

    private Network net;
    private Node node;
    private Reassembly reassembly;

    private void setUp() {
        net = new Network(1);
        node = net.addHost("h");
        reassembly = new Reassembly(node);
    }

    /** A whole datagram with {@code payload}, identification {@code id}, DF clear. */
    static PacketBuffer datagram(int id, int protocol, byte[] payload) {
        PacketBuffer p = PacketBuffer.allocate(payload.length + 20);
        System.arraycopy(payload, 0, p.array(), p.append(payload.length), payload.length);
        Ipv4Codec.push(p, 0, id, 0, 64, protocol, SRC, DST);
        return p;
    }

    /** A hand-made fragment: {@code data} at byte offset {@code offset} (a multiple of 8), MF as given. */
    static PacketBuffer fragment(int id, int offset, byte[] data, boolean more) {
        PacketBuffer p = PacketBuffer.allocate(data.length + 20);
        System.arraycopy(data, 0, p.array(), p.append(data.length), data.length);
        Ipv4Codec.push(p, 0, id, (more ? Ipv4Codec.FLAG_MF : 0) | (offset / 8), 64, UDP, SRC, DST);
        return p;
    }

    static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    static byte[] payloadOf(PacketBuffer p) {
        int hl = Ipv4Codec.headerLength(p.array(), p.offset());
        return Arrays.copyOfRange(p.array(), p.offset() + hl, p.offset() + p.length());
    }

    /**
     * RFC 791 §3.2: fragments may arrive in any order; the datagram is complete once every
     * octet from 0 to the end given by the fragment with MF clear is present. The rebuilt
     * header has MF clear, offset 0, total length = header + data, a valid checksum.
     * Counters (docs/model.md): N fragments reassembled, one datagram reassembled, none held.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void fragmentsInAnyOrderRebuildTheExactDatagram(long seed) throws Exception {
        setUp();
        Random rnd = new Random(seed);
        // > every MTU below: always cut; odd seeds up to 61 000 bytes, past the first 8 KiB buffer of a datagram
        byte[] payload = new byte[1000 + rnd.nextInt(seed % 2 == 0 ? 3000 : 60_000)];
        rnd.nextBytes(payload);
        int mtu = 20 + 8 * (1 + rnd.nextInt(100));
        PacketBuffer whole = datagram(0x1234, UDP, payload);
        List<PacketBuffer> pieces = new ArrayList<>(Fragmenter.fragment(whole, mtu));
        Collections.shuffle(pieces, rnd);
        PacketBuffer out = null;
        for (int i = 0; i < pieces.size(); i++) {
            PacketBuffer got = reassembly.add(pieces.get(i));
            if (i < pieces.size() - 1) {
                assertNull(got, "complete before the last fragment arrived (" + i + " of " + pieces.size() + ")");
                assertEquals(i + 1, node.counters().heldFragments);
            } else {
                out = got;
            }
        }
        assertNotNull(out, "datagram of " + pieces.size() + " fragments not reassembled");
        byte[] b = out.array();
        int off = out.offset();
        assertArrayEquals(payload, payloadOf(out));
        assertEquals(20 + payload.length, Ipv4Codec.totalLength(b, off));
        assertEquals(0, Ipv4Codec.flagsFragment(b, off), "MF and offset of the rebuilt datagram");
        assertEquals(0x1234, Ipv4Codec.identification(b, off));
        assertEquals(20 + payload.length, Ipv4Codec.validate(b, off, out.length()), "checksum and lengths valid");
        assertEquals(pieces.size(), node.counters().fragmentsReassembled);
        assertEquals(1, node.counters().reassembled);
        assertEquals(0, node.counters().heldFragments);
        assertEquals(0, node.counters().totalDrops());
    }

    /** RFC 791 §3.2 keys reassembly by (source, destination, protocol, identification): same id, other protocol, other datagram. */
    @Test
    void datagramsDifferingOnlyInProtocolAreKeptApart() {
        setUp();
        byte[] a = bytes(24, 0xaa);
        byte[] g = bytes(24, 0x47);
        List<PacketBuffer> fa = Fragmenter.fragment(datagram(7, UDP, a), 36);
        List<PacketBuffer> fg = Fragmenter.fragment(datagram(7, 47, g), 36);
        assertEquals(2, fa.size());
        assertNull(reassembly.add(fa.get(0)));
        assertNull(reassembly.add(fg.get(0)));
        PacketBuffer wa = reassembly.add(fa.get(1));
        PacketBuffer wg = reassembly.add(fg.get(1));
        assertArrayEquals(a, payloadOf(wa));
        assertArrayEquals(g, payloadOf(wg));
        assertEquals(47, Ipv4Codec.protocol(wg.array(), wg.offset()));
    }

    /**
     * Documented (class doc, "Simplifications"): a fragment overlapping data already received is
     * dropped as {@code fragment-overlap}, the data first received is kept and the datagram can
     * still complete. An exact duplicate (a retransmitted or link-duplicated fragment) is such
     * an overlap; Linux too drops exact duplicates alone (IPFRAG_DUP) and keeps the queue.
     */
    @Test
    void duplicateFragmentIsDroppedAndTheDatagramStillCompletes() {
        setUp();
        byte[] payload = new byte[40];
        new Random(5).nextBytes(payload);
        List<PacketBuffer> pieces = Fragmenter.fragment(datagram(9, UDP, payload), 36);
        assertEquals(3, pieces.size());
        assertNull(reassembly.add(pieces.get(0)));
        assertNull(reassembly.add(pieces.get(0).copy()));
        assertEquals(1, node.counters().drops("fragment-overlap"));
        assertEquals(1, node.counters().heldFragments, "the duplicate is a drop, not held");
        assertNull(reassembly.add(pieces.get(1)));
        PacketBuffer whole = reassembly.add(pieces.get(2));
        assertNotNull(whole);
        assertArrayEquals(payload, payloadOf(whole));
        assertEquals(3, node.counters().fragmentsReassembled);
    }

    /** Documented: overlapping fragments are not merged — the overlapping one is dropped whole, the first data stays. */
    @Test
    void partialOverlapIsDroppedAndFirstDataKept() {
        setUp();
        assertNull(reassembly.add(fragment(11, 0, bytes(16, 1), true)));
        // octets 8..23 overlap octets 8..15 already held
        assertNull(reassembly.add(fragment(11, 8, bytes(16, 9), true)));
        assertEquals(1, node.counters().drops("fragment-overlap"));
        assertNull(reassembly.add(fragment(11, 16, bytes(8, 2), true)));
        PacketBuffer whole = reassembly.add(fragment(11, 24, bytes(5, 3), false));
        assertNotNull(whole);
        byte[] expected = new byte[29];
        Arrays.fill(expected, 0, 16, (byte) 1);
        Arrays.fill(expected, 16, 24, (byte) 2);
        Arrays.fill(expected, 24, 29, (byte) 3);
        assertArrayEquals(expected, payloadOf(whole));
        assertEquals(3, node.counters().fragmentsReassembled);
    }

    /**
     * RFC 791 §3.2 (reassembly timer) and docs/model.md "Counters": a datagram whose last
     * fragment never arrives is given up {@link Reassembly#TIMEOUT} after its first fragment
     * (30 s, Linux's net.ipv4.ipfrag_time default; RFC 791 only suggests an initial 15 s);
     * each held fragment is then one {@code reassembly-timeout} drop. Later fragments do not
     * restart the timer.
     */
    @Test
    void missingLastFragmentTimesOutAndEachHeldFragmentIsADrop() {
        setUp();
        assertEquals(30 * SimTime.SECOND, Reassembly.TIMEOUT);
        byte[] payload = new byte[100];
        new Random(3).nextBytes(payload);
        List<PacketBuffer> pieces = Fragmenter.fragment(datagram(21, UDP, payload), 44);
        assertEquals(5, pieces.size());
        long t0 = SimTime.seconds(1);
        net.scheduler().runUntil(t0);
        reassembly.add(pieces.get(0));
        net.scheduler().runUntil(t0 + SimTime.seconds(10));
        for (int i = 1; i < 4; i++) {
            assertNull(reassembly.add(pieces.get(i)));
        }
        net.scheduler().runUntil(t0 + Reassembly.TIMEOUT - 1);
        assertEquals(4, node.counters().heldFragments);
        assertEquals(0, node.counters().totalDrops());
        net.scheduler().runUntil(t0 + Reassembly.TIMEOUT);
        assertEquals(4, node.counters().drops("reassembly-timeout"));
        assertEquals(0, node.counters().heldFragments);
        // the late last fragment starts a new reassembly and is held alone
        assertNull(reassembly.add(pieces.get(4)));
        assertEquals(1, node.counters().heldFragments);
        assertEquals(0, node.counters().reassembled);
    }

    /** docs/model.md "Counters": a crash drops each held fragment as {@code node-crashed}. */
    @Test
    void clearDropsEachHeldFragmentAsNodeCrashed() {
        setUp();
        reassembly.add(fragment(1, 0, bytes(8, 1), true));
        reassembly.add(fragment(1, 8, bytes(8, 1), true));
        reassembly.add(fragment(2, 0, bytes(8, 1), true));
        reassembly.clear();
        assertEquals(3, node.counters().drops("node-crashed"));
        assertEquals(0, node.counters().heldFragments);
        net.scheduler().runUntil(Reassembly.TIMEOUT + 1);
        assertEquals(0, node.counters().drops("reassembly-timeout"), "cancelled timers do not fire");
    }

    /**
     * RFC 791 §3.1: total length is a 16-bit field, so header + data ends at 65535 at most; a
     * fragment reaching past that is refused ({@code fragment-bad-length}). The last octet that
     * fits is accepted.
     */
    @Test
    void fragmentEndingBeyond65535IsRefused() {
        setUp();
        int lastOffset = 8189 * 8; // 65512: 20 + 65512 + 3 = 65535
        assertNull(reassembly.add(fragment(3, lastOffset, bytes(4, 1), false)));
        assertEquals(1, node.counters().drops("fragment-bad-length"));
        assertNull(reassembly.add(fragment(3, lastOffset, bytes(3, 1), false)));
        assertEquals(1, node.counters().drops("fragment-bad-length"));
        assertEquals(1, node.counters().heldFragments);
    }

    /** RFC 791 §3.2: every fragment but the last carries a multiple of 8 data octets. */
    @Test
    void nonFinalFragmentWithRaggedLengthIsRefused() {
        setUp();
        assertNull(reassembly.add(fragment(4, 0, bytes(12, 1), true)));
        assertEquals(1, node.counters().drops("fragment-bad-length"));
        assertEquals(0, node.counters().heldFragments);
    }

    /**
     * RFC 815 §3–§4: a datagram is complete only when no hole is left. A fragment that lies past
     * the end announced by the last fragment must not make up for a hole below that end
     * (Linux: a fragment ending beyond a known end discards the queue). Here octets 8..15 never
     * arrive, so nothing may be delivered.
     */
    @Test
    void fragmentPastTheEndDoesNotFillAHole() {
        setUp();
        assertNull(reassembly.add(fragment(5, 0, bytes(8, 1), true)));
        assertNull(reassembly.add(fragment(5, 32, bytes(8, 2), true)));
        PacketBuffer got = reassembly.add(fragment(5, 16, bytes(4, 3), false));
        assertNull(got, "datagram delivered with octets 8..15 missing");
        assertEquals(0, node.counters().reassembled);
        // the whole datagram is discarded: the two held fragments and the contradicting last one
        assertEquals(3, node.counters().drops("fragment-inconsistent-end"));
        assertEquals(0, node.counters().heldFragments);
        // and the same datagram can start afresh
        assertNull(reassembly.add(fragment(5, 0, bytes(8, 1), true)));
        assertNotNull(reassembly.add(fragment(5, 8, bytes(8, 2), false)));
    }

    /** Linux ip_frag_queue: a fragment past a known end, or a second last fragment at another end, discards the datagram. */
    @Test
    void fragmentEndsThatContradictTheKnownEndDiscardTheDatagram() {
        setUp();
        assertNull(reassembly.add(fragment(7, 16, bytes(4, 3), false)));
        assertNull(reassembly.add(fragment(7, 24, bytes(8, 2), true)));
        assertEquals(2, node.counters().drops("fragment-inconsistent-end"));
        setUp();
        assertNull(reassembly.add(fragment(8, 16, bytes(4, 3), false)));
        assertNull(reassembly.add(fragment(8, 8, bytes(4, 3), false)));
        assertEquals(2, node.counters().drops("fragment-inconsistent-end"));
        assertEquals(0, node.counters().heldFragments);
    }

    /** Documented bound: at most {@link Reassembly#MAX_DATAGRAMS} datagrams in progress; a new one beyond is {@code reassembly-limit}. */
    @Test
    void datagramsInProgressAreBounded() {
        setUp();
        for (int id = 0; id < Reassembly.MAX_DATAGRAMS; id++) {
            assertNull(reassembly.add(fragment(id, 0, bytes(8, 1), true)));
        }
        assertEquals(0, node.counters().totalDrops());
        assertNull(reassembly.add(fragment(Reassembly.MAX_DATAGRAMS, 0, bytes(8, 1), true)));
        assertEquals(1, node.counters().drops("reassembly-limit"));
        // a fragment of a datagram already in progress is still taken
        assertNotNull(reassembly.add(fragment(0, 8, bytes(1, 1), false)));
        assertEquals(1, node.counters().reassembled);
    }

    /** RFC 791 §3.2: a completed datagram releases its resources; its timer never fires afterwards. */
    @Test
    void completedDatagramLeavesNoTimeout() {
        setUp();
        assertNull(reassembly.add(fragment(6, 0, bytes(8, 1), true)));
        assertNotNull(reassembly.add(fragment(6, 8, bytes(8, 2), false)));
        net.scheduler().runUntil(2 * Reassembly.TIMEOUT);
        assertEquals(0, node.counters().totalDrops());
        assertEquals(0, node.counters().heldFragments);
    }

    /**
     * Class doc, "Counters": a local protocol's reassembly (IPsec's) counts only its drops, as
     * local-stage drops: nothing held, nothing reassembled in the node's balance.
     */
    @Test
    void localReassemblyCountsOnlyLocalStageDrops() {
        setUp();
        Reassembly local = new Reassembly(node, true);
        assertNull(local.add(fragment(8, 0, bytes(8, 1), true)));
        assertNull(local.add(fragment(8, 8, bytes(8, 1), true)));
        assertEquals(0, node.counters().heldFragments);
        net.scheduler().runUntil(Reassembly.TIMEOUT);
        assertEquals(2, node.counters().localDrops());
        assertEquals(0, node.counters().networkDrops());
        assertEquals(2, node.counters().drops("reassembly-timeout"));
        assertNull(local.add(fragment(9, 0, bytes(8, 1), true)));
        assertNotNull(local.add(fragment(9, 8, bytes(3, 1), false)));
        assertEquals(0, node.counters().reassembled);
        assertEquals(0, node.counters().fragmentsReassembled);
    }
}
