package io.tunnelsim.routing.bfd;

import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.sim.Timer;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One BFD session in asynchronous mode (RFC 5880 §6): the state variables of §6.8.1, the
 * reception rules of §6.8.6, transmission per §6.8.7 and the Poll Sequence of §6.5.
 *
 * <p><b>State machine</b> (§6.2, §6.8.6): Down → Init on a received Down; Down → Up on a
 * received Init; Init → Up on a received Init or Up; Init/Up → Down on a received AdminDown or
 * Down (diagnostic 3, Neighbor Signaled Session Down) or when the detection time passes without
 * a packet (diagnostic 1, Control Detection Time Expired). Local AdminDown (diagnostic 7) ignores
 * every received packet. Each change is reported to the listeners once.
 *
 * <p><b>Timers</b>: while not Up the advertised Desired Min TX is at least 1 s (§6.8.3). The
 * transmit interval is max(advertised Desired Min TX, remote Required Min RX); each periodic
 * packet follows the previous one after that interval less a random 0–25 % (10–25 % when
 * DetectMult is 1), drawn from the node's seeded stream (§6.8.7). Nothing periodic is sent while
 * the remote Required Min RX is 0. The detection time is the remote DetectMult × max(our
 * Required Min RX, the remote Desired Min TX) (§6.8.4), restarted by every accepted packet.
 *
 * <p><b>Poll/Final</b> (§6.5, §6.8.3): a change of the advertised intervals while Up, including
 * the drop from the 1 s slow rate to the configured rate on entering Up, starts a Poll Sequence:
 * periodic packets carry P until a packet with F arrives. An increased Desired Min TX takes
 * effect for our own transmission only after the Final, and a reduced Required Min RX enters the
 * detection time only after it. A received P is answered at once by a packet with F (and never P).
 *
 * <p><b>Remote system</b> (§6.8.1): bfd.RemoteDiscr and the remote timers are learnt from every
 * valid packet and forgotten when a Detection Time passes without one, in every state; a local
 * AdminDown keeps them (its packets go on naming the peer in Your Discriminator). Packets that
 * arrive in AdminDown are discarded by the state machine (§6.8.6) but still count as heard for
 * that ageing, a choice where the RFC's two paragraphs leave room.
 *
 * <p>Simplifications: no Demand mode, no Echo function (Required Min Echo RX is sent as 0), no
 * authentication; the session is always Active (§6.1). A packet sent because of a Poll does not
 * move the periodic timer.
 */
public final class BfdSession {
    /** Hears every state change. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param diagnostic bfd.LocalDiag after the change (why the session left Up)
         * @param remoteAdminDown the change to Down was caused by the peer's AdminDown, which RFC
         *        5882 §3.2 says clients should not treat as a path failure
         */
        void stateChanged(BfdSession session, BfdState old, BfdState now, BfdDiagnostic diagnostic,
                          boolean remoteAdminDown);
    }

    /** Carries an encoded 24-byte Control packet (at {@code p.offset()}) to the peer. */
    @FunctionalInterface
    public interface Transmitter {
        void transmit(BfdSession session, PacketBuffer p);
    }

    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final Transmitter transmitter;
    private final long localDiscr;
    private final List<Listener> listeners = new ArrayList<>(2);
    private final Timer txTimer;
    private final Timer detectTimer;

    private BfdTimers timers;
    private BfdState state = BfdState.DOWN;
    private BfdState remoteState = BfdState.DOWN;
    private long remoteDiscr;
    private BfdDiagnostic localDiag = BfdDiagnostic.NONE;
    /** Remote values in nanoseconds; RemoteMinRxInterval starts at 1 µs (§6.8.1). */
    private long remoteMinRx = SimTime.MICROSECOND;
    private long remoteDesiredTx;
    private int remoteDetectMult;
    private int remoteDiag;
    /** The Desired Min TX our own transmission uses (lags an increase until the Final). */
    private long txDesiredInUse;
    /** The Required Min RX the detection time uses (lags a reduction until the Final). */
    private long rxRequiredInUse;
    /** What the packets advertise. */
    private long advertisedTx;
    private long advertisedRx;
    private boolean pollActive;
    private boolean running;

    private long sent;
    private long received;
    private long upCount;
    private long lastUp = -1;
    private long lastDown = -1;
    private long lastReceived = -1;
    private long pollSequences;

    public BfdSession(Scheduler scheduler, SplittableRandom random, Transmitter transmitter, long localDiscr,
                      BfdTimers timers) {
        if (localDiscr <= 0 || localDiscr > 0xffff_ffffL) {
            throw new IllegalArgumentException("local discriminator must be 1..2^32-1, not " + localDiscr);
        }
        this.scheduler = scheduler;
        this.random = random;
        this.transmitter = transmitter;
        this.localDiscr = localDiscr;
        this.timers = timers;
        this.txTimer = scheduler.timer(this::periodic);
        this.detectTimer = scheduler.timer(this::detectionTimeExpired);
        resetIntervals();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts the session in Down (or keeps AdminDown) and begins periodic transmission. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        scheduleTx(true);
    }

    /**
     * Stops transmission and reception and forgets the remote system, as when the node or the
     * path goes away; a session that was not Down moves to Down with {@code diag}.
     */
    public void stop(BfdDiagnostic diag) {
        if (!running) {
            return;
        }
        running = false;
        txTimer.cancel();
        detectTimer.cancel();
        forgetRemote();
        pollActive = false;
        if (state != BfdState.DOWN && state != BfdState.ADMIN_DOWN) {
            localDiag = diag;
            change(BfdState.DOWN, false);
        }
        resetIntervals();
    }

    /**
     * {@code shutdown} of the session: AdminDown, diagnostic 7 (§6.8.16); packets keep flowing.
     * What is known of the remote system is kept: bfd.RemoteDiscr is zeroed only when a
     * Detection Time passes without a valid packet (§6.8.1), so the AdminDown packets carry the
     * peer's discriminator in Your Discriminator while the peer is heard.
     */
    public void adminDown() {
        if (state == BfdState.ADMIN_DOWN) {
            return;
        }
        localDiag = BfdDiagnostic.ADMINISTRATIVELY_DOWN;
        pollActive = false;
        change(BfdState.ADMIN_DOWN, false);
        resetIntervals();
    }

    /** {@code no shutdown}: back to Down. */
    public void adminUp() {
        if (state != BfdState.ADMIN_DOWN) {
            return;
        }
        change(BfdState.DOWN, false);
    }

    /**
     * New configured timers. While Up this starts a Poll Sequence (§6.8.3); otherwise the values
     * apply at once (the advertised TX stays at least 1 s until Up).
     */
    public void setTimers(BfdTimers t) {
        BfdTimers old = timers;
        timers = t;
        if (state != BfdState.UP) {
            resetIntervals();
            return;
        }
        advertisedTx = t.desiredMinTx();
        advertisedRx = t.requiredMinRx();
        if (t.desiredMinTx() < txDesiredInUse) {
            txDesiredInUse = t.desiredMinTx();
        }
        if (t.requiredMinRx() > rxRequiredInUse) {
            rxRequiredInUse = t.requiredMinRx();
        }
        if (!old.equals(t)) {
            startPoll();
        }
        rescheduleIfSooner();
    }

    private void resetIntervals() {
        long slow = state == BfdState.UP ? timers.desiredMinTx() : Math.max(timers.desiredMinTx(), BfdTimers.SLOW_TX);
        advertisedTx = slow;
        txDesiredInUse = slow;
        advertisedRx = timers.requiredMinRx();
        rxRequiredInUse = timers.requiredMinRx();
    }

    private void forgetRemote() {
        remoteDiscr = 0;
        remoteState = BfdState.DOWN;
        remoteMinRx = SimTime.MICROSECOND;
        remoteDesiredTx = 0;
        remoteDetectMult = 0;
    }

    // ------------------------------------------------------------------ transmission (§6.8.7)

    /** The negotiated transmit interval before jitter. */
    public long transmitInterval() {
        return Math.max(txDesiredInUse, remoteMinRx);
    }

    private long jitteredInterval() {
        long base = transmitInterval();
        // §6.8.7: 75–100 % of the interval, 75–90 % with DetectMult 1
        long min = base - base / 4;
        long max = timers.detectMult() == 1 ? base - base / 10 : base;
        return min + random.nextLong(max - min + 1);
    }

    private void scheduleTx(boolean first) {
        if (remoteMinRx == 0) {
            txTimer.cancel();
            return;
        }
        txTimer.start(first ? random.nextLong(jitteredInterval() + 1) : jitteredInterval());
    }

    /** After the interval shrank: the next packet must not wait for the old, longer one. */
    private void rescheduleIfSooner() {
        if (!running) {
            return;
        }
        if (remoteMinRx == 0) {
            txTimer.cancel();
            return;
        }
        long next = jitteredInterval();
        if (!txTimer.isRunning() || txTimer.expiry() > scheduler.now() + next) {
            txTimer.start(next);
        }
    }

    private void periodic() {
        if (!running) {
            return;
        }
        send(pollActive, false);
        scheduleTx(false);
    }

    private void send(boolean poll, boolean fin) {
        PacketBuffer pb = PacketBuffer.allocate(BfdCodec.LENGTH);
        BfdCodec.writeAsync(pb.array(), pb.append(BfdCodec.LENGTH), localDiag.code(), state, poll, fin,
                timers.detectMult(), localDiscr, remoteDiscr, advertisedTx / SimTime.MICROSECOND,
                advertisedRx / SimTime.MICROSECOND);
        sent++;
        transmitter.transmit(this, pb);
    }

    private void startPoll() {
        if (!pollActive) {
            pollActive = true;
            pollSequences++;
        }
    }

    // ------------------------------------------------------------------ reception (§6.8.6)

    /**
     * A Control packet that passed the codec's checks and was matched to this session. Returns
     * false when the session discards it (local AdminDown).
     */
    public boolean receive(BfdControlPacket m) {
        if (!running) {
            return false;
        }
        received++;
        lastReceived = scheduler.now();
        remoteDiscr = m.myDiscriminator();
        remoteState = m.state();
        remoteDiag = m.diagnostic();
        long oldRemoteMinRx = remoteMinRx;
        remoteMinRx = m.requiredMinRxUs() * SimTime.MICROSECOND;
        remoteDesiredTx = m.desiredMinTxUs() * SimTime.MICROSECOND;
        remoteDetectMult = m.detectMult();
        if (m.finalBit() && pollActive) {
            pollActive = false;
            txDesiredInUse = advertisedTx;
            rxRequiredInUse = advertisedRx;
        }
        if (state == BfdState.ADMIN_DOWN) {
            // discarded by the state machine (§6.8.6), but a valid packet all the same: it keeps
            // bfd.RemoteDiscr from ageing out (§6.8.1)
            detectTimer.start(detectionTime());
            return false;
        }
        BfdState s = m.state();
        if (s == BfdState.ADMIN_DOWN) {
            if (state != BfdState.DOWN) {
                localDiag = BfdDiagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN;
                change(BfdState.DOWN, true);
            }
        } else if (state == BfdState.DOWN) {
            if (s == BfdState.DOWN) {
                change(BfdState.INIT, false);
            } else if (s == BfdState.INIT) {
                change(BfdState.UP, false);
            }
        } else if (state == BfdState.INIT) {
            if (s == BfdState.INIT || s == BfdState.UP) {
                change(BfdState.UP, false);
            }
        } else if (s == BfdState.DOWN) {
            localDiag = BfdDiagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN;
            change(BfdState.DOWN, false);
        }
        if (m.poll()) {
            send(false, true);
        }
        if (remoteMinRx == 0) {
            txTimer.cancel();
        } else if (remoteMinRx < oldRemoteMinRx || !txTimer.isRunning()) {
            rescheduleIfSooner();
        }
        detectTimer.start(detectionTime());
        return true;
    }

    /** Remote DetectMult × max(Required Min RX in use, remote Desired Min TX) (§6.8.4). */
    public long detectionTime() {
        return remoteDetectMult * Math.max(rxRequiredInUse, remoteDesiredTx);
    }

    private void detectionTimeExpired() {
        if (!running) {
            return;
        }
        forgetRemote();
        if (state == BfdState.INIT || state == BfdState.UP) {
            localDiag = BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED;
            change(BfdState.DOWN, false);
        }
        rescheduleIfSooner();
    }

    private void change(BfdState now, boolean remoteAdminDown) {
        BfdState old = state;
        if (old == now) {
            return;
        }
        state = now;
        long t = scheduler.now();
        if (now == BfdState.UP) {
            upCount++;
            lastUp = t;
            long before = advertisedTx;
            advertisedTx = timers.desiredMinTx();
            txDesiredInUse = Math.min(txDesiredInUse, advertisedTx);
            if (before != advertisedTx) {
                startPoll();
            }
            rescheduleIfSooner();
        } else if (old == BfdState.UP) {
            lastDown = t;
            pollActive = false;
            resetIntervals();
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).stateChanged(this, old, now, localDiag, remoteAdminDown);
        }
    }

    // ------------------------------------------------------------------ observation

    public BfdState state() {
        return state;
    }

    public boolean isUp() {
        return state == BfdState.UP;
    }

    public BfdState remoteState() {
        return remoteState;
    }

    public long localDiscriminator() {
        return localDiscr;
    }

    public long remoteDiscriminator() {
        return remoteDiscr;
    }

    public BfdDiagnostic localDiagnostic() {
        return localDiag;
    }

    /** The diagnostic field of the last received packet (0..31). */
    public int remoteDiagnostic() {
        return remoteDiag;
    }

    public BfdTimers timers() {
        return timers;
    }

    public int remoteDetectMult() {
        return remoteDetectMult;
    }

    public long remoteMinRx() {
        return remoteMinRx;
    }

    public long remoteDesiredTx() {
        return remoteDesiredTx;
    }

    /** The Desired Min TX the packets carry now (≥ 1 s while not Up). */
    public long advertisedDesiredTx() {
        return advertisedTx;
    }

    public boolean pollActive() {
        return pollActive;
    }

    public long pollSequences() {
        return pollSequences;
    }

    public long packetsSent() {
        return sent;
    }

    public long packetsReceived() {
        return received;
    }

    public long upCount() {
        return upCount;
    }

    public long lastUp() {
        return lastUp;
    }

    public long lastDown() {
        return lastDown;
    }

    public long lastReceived() {
        return lastReceived;
    }

    public boolean isRunning() {
        return running;
    }
}
