package io.tunnelsim.routing.bfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two sessions joined by a wire of fixed delay that can drop each direction; packets cross it
 * as bytes through the codec. Bounds come from the timers: detection = remote multiplier × the
 * agreed interval, transmission every 75–100 % of the interval.
 */
class BfdSessionTest {
    private static final long DELAY = SimTime.millis(2);

    static final class Wire {
        final Scheduler scheduler = new Scheduler();
        final BfdSession a;
        final BfdSession b;
        boolean aToB = true;
        boolean bToA = true;
        final List<BfdControlPacket> sentByA = new ArrayList<>();
        final List<Long> sentByATimes = new ArrayList<>();
        final List<BfdControlPacket> sentByB = new ArrayList<>();
        final List<String> changes = new ArrayList<>();
        long aDownAt = -1;
        long bDownAt = -1;

        Wire(long seed, BfdTimers ta, BfdTimers tb) {
            SplittableRandom r = new SplittableRandom(seed);
            BfdSession[] peer = new BfdSession[2];
            a = new BfdSession(scheduler, r.split(), (s, p) -> carry(p, true, peer), 0x1111, ta);
            b = new BfdSession(scheduler, r.split(), (s, p) -> carry(p, false, peer), 0x2222, tb);
            peer[0] = a;
            peer[1] = b;
            a.addListener((s, o, n, d, admin) -> {
                changes.add("a " + o.display() + "->" + n.display() + " " + d.code() + (admin ? " admin" : ""));
                if (o == BfdState.UP) {
                    aDownAt = scheduler.now();
                }
            });
            b.addListener((s, o, n, d, admin) -> {
                changes.add("b " + o.display() + "->" + n.display() + " " + d.code() + (admin ? " admin" : ""));
                if (o == BfdState.UP) {
                    bDownAt = scheduler.now();
                }
            });
        }

        private void carry(PacketBuffer p, boolean fromA, BfdSession[] peer) {
            BfdControlPacket m;
            try {
                m = BfdCodec.decode(p.array(), p.offset(), p.length());
            } catch (MalformedPacketException e) {
                throw new AssertionError("session sent a malformed packet: " + e.getMessage());
            }
            (fromA ? sentByA : sentByB).add(m);
            if (fromA) {
                sentByATimes.add(scheduler.now());
            }
            if (fromA ? !aToB : !bToA) {
                return;
            }
            BfdSession to = fromA ? peer[1] : peer[0];
            scheduler.scheduleIn(DELAY, () -> to.receive(m));
        }

        void start() {
            a.start();
            b.start();
        }

        void runFor(long d) {
            scheduler.runUntil(scheduler.now() + d);
        }
    }

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void comesUpWithinThreeSlowIntervalsThenRunsTheConfiguredRate(long seed) {
        Wire w = new Wire(seed, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        // first packets within one slow interval (1 s), Down->Init on the first, Init->Up on the
        // next from the other side: at most three slow intervals plus the wire delays
        long bound = 3 * BfdTimers.SLOW_TX + 3 * DELAY;
        while (w.scheduler.now() < bound && !(w.a.isUp() && w.b.isUp())) {
            w.runFor(SimTime.millis(1));
        }
        assertTrue(w.a.isUp() && w.b.isUp(), "both Up within " + SimTime.formatShort(bound) + ": " + w.changes);
        for (BfdControlPacket m : w.sentByA) {
            if (m.state() != BfdState.UP) {
                assertEquals(1_000_000, m.desiredMinTxUs(), "Desired Min TX at least 1 s while not Up (§6.8.3)");
            }
        }
        w.runFor(SimTime.seconds(5));
        // the drop to 300 ms was a Poll Sequence, answered by a Final
        assertEquals(1, w.a.pollSequences());
        assertFalse(w.a.pollActive());
        assertTrue(w.sentByB.stream().anyMatch(BfdControlPacket::finalBit), "b answered the Poll with a Final");
        assertTrue(w.sentByA.stream().noneMatch(m -> m.poll() && m.finalBit()), "never P and F together");
        assertEquals(BfdTimers.DEFAULT_TX, w.a.transmitInterval());
        assertEquals(3 * BfdTimers.DEFAULT_TX, w.a.detectionTime(), "3 × 300 ms = 900 ms");
        assertEquals(0x2222, w.a.remoteDiscriminator());
        assertEquals(0x1111, w.b.remoteDiscriminator());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jitteredIntervalsStayWithinSeventyFiveToHundredPercent(long seed) {
        Wire w = new Wire(seed, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        w.runFor(SimTime.seconds(10));
        w.sentByATimes.clear();
        w.sentByA.clear();
        w.runFor(SimTime.seconds(30));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < w.sentByATimes.size(); i++) {
            if (w.sentByA.get(i).finalBit()) {
                continue; // an answer to a Poll is not periodic
            }
            long gap = w.sentByATimes.get(i) - w.sentByATimes.get(i - 1);
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        assertTrue(min >= SimTime.millis(225), "shortest gap " + SimTime.formatShort(min));
        assertTrue(max <= SimTime.millis(300), "longest gap " + SimTime.formatShort(max));
        assertTrue(max - min > SimTime.millis(30), "the gaps vary: " + min + ".." + max);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void multiplierOneJittersTenToTwentyFivePercent(long seed) {
        BfdTimers t = new BfdTimers(SimTime.millis(100), SimTime.millis(100), 1);
        Wire w = new Wire(seed, t, t);
        w.start();
        w.runFor(SimTime.seconds(10));
        assertTrue(w.a.isUp(), w.changes.toString());
        w.sentByATimes.clear();
        w.sentByA.clear();
        w.runFor(SimTime.seconds(10));
        for (int i = 1; i < w.sentByATimes.size(); i++) {
            long gap = w.sentByATimes.get(i) - w.sentByATimes.get(i - 1);
            if (w.sentByA.get(i).finalBit()) {
                continue;
            }
            assertTrue(gap >= SimTime.millis(75) && gap <= SimTime.millis(90), "gap " + SimTime.formatShort(gap));
        }
        assertTrue(w.a.isUp() && w.b.isUp(), "90 % of the interval keeps a multiplier-1 session up: " + w.changes);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void silentFailureIsDetectedWithinTheDetectionTime(long seed) {
        Wire w = new Wire(seed, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        w.runFor(SimTime.seconds(10));
        long cut = w.scheduler.now();
        w.aToB = false;
        w.bToA = false;
        w.runFor(SimTime.seconds(3));
        long detect = 3 * BfdTimers.DEFAULT_TX;
        // the last packet before the cut arrived at most one interval (300 ms) earlier
        for (long down : new long[] {w.aDownAt, w.bDownAt}) {
            assertTrue(down > cut + detect - BfdTimers.DEFAULT_TX - DELAY && down <= cut + detect + DELAY,
                    "down " + SimTime.formatShort(down - cut) + " after the cut");
        }
        assertEquals(BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED, w.a.localDiagnostic());
        assertEquals(BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED, w.b.localDiagnostic());
        assertEquals(0, w.a.remoteDiscriminator(), "RemoteDiscr forgotten after the detection time (§6.8.1)");
        // back to the slow rate while Down
        assertEquals(BfdTimers.SLOW_TX, w.a.advertisedDesiredTx());
        w.aToB = true;
        w.bToA = true;
        w.runFor(SimTime.seconds(4));
        assertTrue(w.a.isUp() && w.b.isUp(), "recovers: " + w.changes);
    }

    @Test
    void oneWayLossTellsThePeerWithDiagnosticThree() {
        Wire w = new Wire(7, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        w.runFor(SimTime.seconds(10));
        w.aToB = false;
        long cut = w.scheduler.now();
        w.runFor(SimTime.seconds(2));
        assertEquals(BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED, w.b.localDiagnostic());
        // a still hears b, whose next packet says Down
        assertEquals(BfdDiagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, w.a.localDiagnostic());
        assertTrue(w.aDownAt >= w.bDownAt && w.aDownAt <= w.bDownAt + BfdTimers.SLOW_TX + DELAY,
                "a follows b within one of b's (slow) intervals");
        assertTrue(w.bDownAt - cut <= 3 * BfdTimers.DEFAULT_TX + DELAY);
    }

    @Test
    void detectionTimeUsesTheRemoteMultiplierAndTheSlowerSide() {
        BfdTimers ta = new BfdTimers(SimTime.millis(300), SimTime.millis(300), 3);
        BfdTimers tb = new BfdTimers(SimTime.millis(500), SimTime.millis(100), 5);
        Wire w = new Wire(3, ta, tb);
        w.start();
        w.runFor(SimTime.seconds(10));
        assertTrue(w.a.isUp() && w.b.isUp());
        // a: b's multiplier 5 × max(a's RX 300, b's TX 500) = 2.5 s
        assertEquals(SimTime.millis(2500), w.a.detectionTime());
        // b: a's multiplier 3 × max(b's RX 100, a's TX 300) = 900 ms
        assertEquals(SimTime.millis(900), w.b.detectionTime());
        // a sends at max(own TX 300, b's RX 100) = 300 ms; b at max(500, 300) = 500 ms
        assertEquals(SimTime.millis(300), w.a.transmitInterval());
        assertEquals(SimTime.millis(500), w.b.transmitInterval());
    }

    @Test
    void slowerTimersWhileUpWaitForTheFinal() {
        Wire w = new Wire(11, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        w.runFor(SimTime.seconds(10));
        w.bToA = false; // no Final can come back
        w.a.setTimers(new BfdTimers(SimTime.millis(600), SimTime.millis(300), 3));
        assertTrue(w.a.pollActive());
        assertEquals(SimTime.millis(300), w.a.transmitInterval(), "an increase waits for the Final (§6.8.3)");
        w.runFor(SimTime.millis(200));
        w.bToA = true;
        w.runFor(SimTime.seconds(2));
        assertFalse(w.a.pollActive());
        assertEquals(SimTime.millis(600), w.a.transmitInterval());
        assertTrue(w.a.isUp() && w.b.isUp(), w.changes.toString());
        assertEquals(SimTime.millis(1800), w.b.detectionTime(), "b: 3 × a's new 600 ms");
    }

    @Test
    void adminDownIsSignalledAndNotAFailure() {
        Wire w = new Wire(5, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        w.runFor(SimTime.seconds(10));
        w.a.adminDown();
        w.runFor(SimTime.seconds(2));
        assertEquals(BfdState.ADMIN_DOWN, w.a.state());
        assertEquals(BfdState.DOWN, w.b.state());
        assertEquals(BfdDiagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, w.b.localDiagnostic());
        assertTrue(w.changes.contains("b Up->Down 3 admin"), w.changes.toString());
        assertEquals(BfdDiagnostic.ADMINISTRATIVELY_DOWN.code(), w.sentByA.get(w.sentByA.size() - 1).diagnostic());
        w.a.adminUp();
        w.runFor(SimTime.seconds(4));
        assertTrue(w.a.isUp() && w.b.isUp(), w.changes.toString());
    }

    @Test
    void adminDownKeepsTheRemoteDiscriminatorUntilADetectionTimePassesInSilence() {
        Wire w = new Wire(13, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.start();
        w.runFor(SimTime.seconds(10));
        assertTrue(w.a.isUp() && w.b.isUp(), w.changes.toString());
        w.a.adminDown();
        w.sentByA.clear();
        w.runFor(SimTime.seconds(3));
        // RFC 5880 §6.8.1: bfd.RemoteDiscr is zeroed only when a Detection Time passes without a
        // valid packet; b is still heard (its Down packets), so a's AdminDown packets name it
        assertEquals(0x2222, w.a.remoteDiscriminator());
        assertTrue(w.sentByA.size() >= 2, "AdminDown packets keep flowing: " + w.sentByA.size());
        for (BfdControlPacket m : w.sentByA) {
            assertEquals(BfdState.ADMIN_DOWN, m.state());
            assertEquals(BfdDiagnostic.ADMINISTRATIVELY_DOWN.code(), m.diagnostic());
            assertEquals(0x2222, m.yourDiscriminator(), "Your Discriminator while the peer is heard");
        }
        // b falls silent: after one Detection Time (b's multiplier 3 × b's slow 1 s while Down) a forgets it
        w.bToA = false;
        long silent = w.scheduler.now();
        w.runFor(3 * BfdTimers.SLOW_TX + BfdTimers.SLOW_TX);
        assertEquals(0, w.a.remoteDiscriminator(), "forgotten after a Detection Time of silence");
        assertEquals(0, w.sentByA.get(w.sentByA.size() - 1).yourDiscriminator());
        assertTrue(w.a.lastReceived() <= silent + DELAY);
        w.bToA = true;
        w.a.adminUp();
        w.runFor(SimTime.seconds(4));
        assertTrue(w.a.isUp() && w.b.isUp(), w.changes.toString());
    }

    @Test
    void aLoneSessionSendsSlowDownPacketsWithoutYourDiscriminator() {
        Wire w = new Wire(9, BfdTimers.DEFAULT, BfdTimers.DEFAULT);
        w.aToB = false;
        w.a.start();
        w.runFor(SimTime.seconds(20));
        assertEquals(BfdState.DOWN, w.a.state());
        for (int i = 0; i < w.sentByA.size(); i++) {
            BfdControlPacket m = w.sentByA.get(i);
            assertEquals(BfdState.DOWN, m.state());
            assertEquals(0, m.yourDiscriminator());
            assertEquals(0x1111, m.myDiscriminator());
            if (i > 0) {
                long gap = w.sentByATimes.get(i) - w.sentByATimes.get(i - 1);
                assertTrue(gap >= SimTime.millis(750) && gap <= SimTime.seconds(1), "slow gap " + gap);
            }
        }
        assertTrue(w.sentByA.size() >= 19 && w.sentByA.size() <= 27, "20 s at 0.75–1 s: " + w.sentByA.size());
    }
}
