package io.tunnelsim.ipsec;

import io.tunnelsim.node.Node;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SA pairs between two {@link IpsecPeer}s, standing in for the IKE SA that would negotiate
 * them: it installs both directions at both ends at once, replaces them when a lifetime runs
 * out, and re-establishes them when a crashed end comes back.
 *
 * <p><b>Establishment</b>: when the first of the two nodes starts, generation 0 is installed —
 * for each direction an outbound SA at the sender and the matching inbound SA (same SPI and
 * keys) at the receiver. Keys are the profile's manual keys or, with {@code keys: auto}, derived
 * by {@link KeyDerivation} from the seed, the two peers' key names and the generation.
 *
 * <p><b>Rekey, make-before-break</b> (RFC 4301 §4.4.2.1, RFC 7296 §2.8): at the soft lifetime
 * (time, from a timer; or volume, noticed by the packet that crossed it, at either end) the next
 * generation is installed: new inbound SAs first, then the new outbound SAs, which carry every
 * packet from then on. The replaced inbound SAs keep accepting packets still in flight for the
 * profile's overlap and are then removed. Both ends switch at the same simulated instant, so no
 * packet is lost to the rekey. Each end logs {@code %CRYPTO-5-SA_REKEY}.
 *
 * <p><b>Node crash</b>: the crashed end forgets its SAs; the other end keeps sending with the old
 * ones (it cannot know). When the crashed node restarts, a new generation is installed at both
 * ends, as a fresh IKE negotiation would. With manual keys there is no negotiation: only the
 * restarted end reloads its SAs (counter 0, empty window); the other end's counter and window
 * carry on untouched (see {@link #restartManual}).
 *
 * <p>The session remembers every SA it ever installed ({@link #history()}), for Wireshark's SA
 * table.
 *
 * <p>Simplifications: no IKE packets are exchanged and negotiation takes no time; the keys are
 * installed by the simulator. There is no dead-peer detection. A derived SPI that collides with
 * an inbound SPI already installed at the receiver skips to the next generation.
 */
public final class IpsecSession {
    private final IpsecPeer a;
    private final IpsecPeer b;
    private final IpsecProfile profile;
    /** Why the session can never establish (one-sided protection, profiles that cannot agree), or null. */
    private final String failure;
    private final long seed;
    private final Scheduler scheduler;
    private final Timer softTimer;
    private final List<SecurityAssociation> history = new ArrayList<>();
    private final SecurityAssociation[] current = new SecurityAssociation[4];
    private int generation = -1;
    private boolean established;
    private long rekeys;

    IpsecSession(IpsecPeer a, IpsecPeer b, IpsecProfile profile, long seed) {
        this(a, b, profile, seed, null);
    }

    private IpsecSession(IpsecPeer a, IpsecPeer b, IpsecProfile profile, long seed, String failure) {
        if (b != null && a.keyName().equals(b.keyName())) {
            throw new IllegalArgumentException("both ends are named " + a.keyName());
        }
        this.a = a;
        this.b = b;
        this.profile = profile;
        this.failure = failure;
        this.seed = seed;
        this.scheduler = a.node().scheduler();
        this.softTimer = scheduler.timer(() -> replace("lifetime (seconds) expired"));
        a.session = this;
        if (b != null) {
            b.session = this;
        }
    }

    /**
     * A session that never establishes, as IKE between two routers that cannot agree (or with a
     * peer that does not speak IPsec at all, {@code b == null}): no SA is ever installed, so the
     * ends drop what their policy would protect. Each end logs {@code reason} when it starts.
     */
    static IpsecSession failing(IpsecPeer a, IpsecPeer b, String reason) {
        return new IpsecSession(a, b, a.profile(), 0, reason);
    }

    /** Why the session cannot establish, or null when it can. */
    public String failure() {
        return failure;
    }

    public IpsecPeer a() {
        return a;
    }

    public IpsecPeer b() {
        return b;
    }

    public IpsecProfile profile() {
        return profile;
    }

    /** The current SA generation (0 for the first pair), -1 before establishment. */
    public int generation() {
        return generation;
    }

    public boolean isEstablished() {
        return established;
    }

    /** Number of times the SA pair was replaced (lifetime or restart). */
    public long rekeys() {
        return rekeys;
    }

    /** The other end of the session (null for protection configured on one end only). */
    public IpsecPeer peerOf(IpsecPeer p) {
        return p == a ? b : a;
    }

    /** Outbound SAs in installation order, both directions: one Wireshark {@code esp_sa} line each. */
    public List<SecurityAssociation> history() {
        return Collections.unmodifiableList(history);
    }

    /** Called when an end's node starts: establishes the session, or re-establishes it after a crash. */
    void start() {
        if (failure != null) {
            logDown(a);
            if (b != null) {
                logDown(b);
            }
            return;
        }
        establish();
    }

    /** Called when {@code end}'s node starts. */
    void start(IpsecPeer end) {
        if (failure != null) {
            logDown(end);
            return;
        }
        if (profile.manualKeys() != null && generation >= 0 && !established && !a.node().isCrashed()
                && !b.node().isCrashed()) {
            restartManual(end);
            return;
        }
        establish();
    }

    /**
     * Manual keys after {@code end}'s node rebooted: it loads its static SAs again — outbound
     * sequence counter from 0, empty inbound replay window — while the other end, which saw
     * nothing, keeps its SAs as they were: its counter runs on and its window keeps its right
     * edge (RFC 4303 §3.3.3, §3.4.3; no IKE to tell it). The rebooted end's first packets then
     * fall left of that edge and are dropped as replays until its counter passes it (with
     * anti-replay on), which is why manual SAs are a poor fit for routers that may restart.
     */
    private void restartManual(IpsecPeer end) {
        IpsecPeer other = end == a ? b : a;
        if (other.outboundSa() == null) {
            // the other end rebooted too while this one was down: it has no SAs either
            loadManual(other);
        }
        loadManual(end);
        established = true;
        rekeys++;
    }

    private void loadManual(IpsecPeer end) {
        IpsecPeer other = end == a ? b : a;
        long now = scheduler.now();
        KeyDerivation.SaKeys out = keys(end, other, 0);
        KeyDerivation.SaKeys in = keys(other, end, 0);
        if (!free(end, in.spi())) {
            throw new IllegalStateException("manual SPI already used by another SA at " + end.node());
        }
        SecurityAssociation inAtEnd = builder(other, end, in, now).direction(SecurityAssociation.Direction.INBOUND).build();
        SecurityAssociation outAtEnd = builder(end, other, out, now).direction(SecurityAssociation.Direction.OUTBOUND).build();
        end.installInbound(inAtEnd);
        end.installOutbound(outAtEnd);
        history.add(outAtEnd);
        int base = end == a ? 0 : 2;
        current[base] = outAtEnd;
        current[base + 1] = inAtEnd;
        logUp(end);
    }

    private void establish() {
        if (established || a.node().isCrashed() || b.node().isCrashed()) {
            return;
        }
        if (generation < 0) {
            install(0, null);
        } else {
            replace("peer restarted");
        }
    }

    /** Called when an end's node stops (crash): that end forgets its SAs. */
    void stop(IpsecPeer end) {
        end.clear();
        established = false;
        softTimer.cancel();
    }

    /** An SA of the current generation reached a soft or hard limit while carrying a packet. */
    void lifetimeReached(SecurityAssociation sa, String what) {
        if (!established) {
            return;
        }
        for (SecurityAssociation c : current) {
            if (c == sa) {
                replace("lifetime (" + what + ") expired");
                return;
            }
        }
    }

    private void replace(String reason) {
        if (profile.manualKeys() != null) {
            // fixed keys: the same SAs again, with fresh counters and windows
            for (SecurityAssociation sa : List.copyOf(a.inboundSas())) {
                a.retireInbound(sa);
            }
            for (SecurityAssociation sa : List.copyOf(b.inboundSas())) {
                b.retireInbound(sa);
            }
        }
        rekeys++;
        install(profile.manualKeys() != null ? 0 : generation + 1, reason);
    }

    private void install(int firstGeneration, String reason) {
        long now = scheduler.now();
        SecurityAssociation oldOutA = a.outboundSa();
        SecurityAssociation oldOutB = b.outboundSa();
        List<SecurityAssociation> oldInA = List.copyOf(a.inboundSas());
        List<SecurityAssociation> oldInB = List.copyOf(b.inboundSas());

        int gen = firstGeneration;
        KeyDerivation.SaKeys kab;
        KeyDerivation.SaKeys kba;
        while (true) {
            kab = keys(a, b, gen);
            kba = keys(b, a, gen);
            if (kab.spi() != kba.spi() && free(b, kab.spi()) && free(a, kba.spi())) {
                break;
            }
            if (profile.manualKeys() != null) {
                throw new IllegalStateException("manual SPI already used by another SA at " + a.node() + " or " + b.node());
            }
            gen++;
        }
        SecurityAssociation.Builder ab = builder(a, b, kab, now);
        SecurityAssociation.Builder ba = builder(b, a, kba, now);
        // make before break: the receivers learn the new SAs before the senders switch to them
        SecurityAssociation inAtB = ab.direction(SecurityAssociation.Direction.INBOUND).build();
        SecurityAssociation inAtA = ba.direction(SecurityAssociation.Direction.INBOUND).build();
        SecurityAssociation outAtA = ab.direction(SecurityAssociation.Direction.OUTBOUND).build();
        SecurityAssociation outAtB = ba.direction(SecurityAssociation.Direction.OUTBOUND).build();
        b.installInbound(inAtB);
        a.installInbound(inAtA);
        a.installOutbound(outAtA);
        b.installOutbound(outAtB);
        history.add(outAtA);
        history.add(outAtB);
        current[0] = outAtA;
        current[1] = inAtA;
        current[2] = outAtB;
        current[3] = inAtB;
        generation = gen;
        established = true;

        if (reason == null) {
            logUp(a);
            logUp(b);
        } else {
            logRekey(a, reason, oldInA, oldOutA);
            logRekey(b, reason, oldInB, oldOutB);
        }
        long overlap = profile.overlapSeconds() * 1_000_000_000L;
        if (!oldInA.isEmpty() || !oldInB.isEmpty()) {
            scheduler.scheduleIn(overlap, () -> {
                for (SecurityAssociation sa : oldInA) {
                    a.retireInbound(sa);
                }
                for (SecurityAssociation sa : oldInB) {
                    b.retireInbound(sa);
                }
            });
        }
        long soft = outAtA.softExpiryTime();
        if (soft != Long.MAX_VALUE) {
            softTimer.start(soft - now);
        } else {
            softTimer.cancel();
        }
    }

    /** Whether {@code spi} is free among the inbound SAs of {@code receiver}'s node. */
    private static boolean free(IpsecPeer receiver, long spi) {
        return receiver.engine().sad().inbound(spi) == null;
    }

    private KeyDerivation.SaKeys keys(IpsecPeer sender, IpsecPeer receiver, int gen) {
        IpsecProfile.ManualKeys m = profile.manualKeys();
        if (m != null) {
            boolean aToB = sender == a;
            return new KeyDerivation.SaKeys(aToB ? m.spiAToB() : m.spiBToA(),
                    IpsecProfile.ManualKeys.parseHex(aToB ? m.encryptionKeyAToB() : m.encryptionKeyBToA()),
                    IpsecProfile.ManualKeys.parseHex(aToB ? m.integrityKeyAToB() : m.integrityKeyBToA()));
        }
        return KeyDerivation.derive(seed, sender.keyName(), receiver.keyName(), gen, profile.encryption(),
                profile.integrity());
    }

    private SecurityAssociation.Builder builder(IpsecPeer sender, IpsecPeer receiver, KeyDerivation.SaKeys k, long now) {
        long spi = k.spi();
        byte[] encKey = k.encryptionKey();
        byte[] intKey = k.integrityKey();
        return SecurityAssociation.builder()
                .spi(spi)
                .source(sender.local())
                .destination(receiver.local())
                .mode(profile.mode())
                .encryption(profile.encryption(), encKey)
                .integrity(profile.integrity(), intKey)
                .antiReplay(receiver.profile().replayWindow() > 0)
                .replayWindowSize(Math.max(1, receiver.profile().replayWindow()))
                .lifetime(profile.saLifetime())
                .createdAt(now);
    }

    private static void logUp(IpsecPeer p) {
        p.node().log("CRYPTO-5-SESSION_STATUS", "Crypto tunnel is UP. Peer " + p.remote() + ":500 Id: " + p.remote()
                + " on " + p.attachedTo().displayName() + ", inbound SPI " + spi(p.currentInboundSa())
                + ", outbound SPI " + spi(p.outboundSa()));
    }

    private void logDown(IpsecPeer p) {
        if (!p.node().isCrashed()) {
            p.node().log("CRYPTO-5-SESSION_STATUS", "Crypto tunnel is DOWN. Peer " + p.remote() + ":500 on "
                    + p.attachedTo().displayName() + ": " + failure);
        }
    }

    private static void logRekey(IpsecPeer p, String reason, List<SecurityAssociation> oldIn, SecurityAssociation oldOut) {
        String oldInbound = oldIn.isEmpty() ? "none" : spi(oldIn.get(oldIn.size() - 1));
        Node n = p.node();
        n.log("CRYPTO-5-SA_REKEY", "Peer " + p.remote() + " on " + p.attachedTo().displayName() + ": " + reason
                + ", inbound SPI " + oldInbound + " -> " + spi(p.currentInboundSa())
                + ", outbound SPI " + spi(oldOut) + " -> " + spi(p.outboundSa()));
    }

    static String spi(SecurityAssociation sa) {
        return sa == null ? "none" : String.format("0x%08X", sa.spi());
    }
}
