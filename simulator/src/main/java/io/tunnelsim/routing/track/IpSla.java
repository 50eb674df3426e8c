package io.tunnelsim.routing.track;

import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.sim.Event;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Header;
import java.util.ArrayList;
import java.util.List;

/**
 * An IP SLA ICMP echo operation: every {@link IpSlaConfig#frequency} the router sends one echo
 * request to the target (routed through the FIB like any locally originated packet, source
 * address from the configured interface or address) and waits up to {@link IpSlaConfig#timeout}
 * for the matching reply. Each operation ends with a return code — {@code OK} when the reply
 * came in time, {@code TIMEOUT} when it did not, {@code NO_CONNECTION} when there was no route
 * to send it — and reachability is "up" exactly while the latest code is {@code OK}. Listeners
 * (track objects) hear every completed operation.
 *
 * <p>The first operation starts when the service starts ({@code start-time now}). The echo
 * identifier is 0x8000 + the operation number, so it cannot be mistaken for a probe flow's; a
 * reply counts only when identifier, sequence number and source (the target) all match the
 * outstanding request.
 *
 * <p>Simplifications: only the ICMP echo operation exists; no statistics history, thresholds,
 * or reaction configuration beyond what track objects do; the request data is zeros.
 */
public final class IpSla implements NodeService {
    /** Outcome of one operation, as {@code show ip sla statistics} names it. */
    public enum ReturnCode { UNKNOWN, OK, TIMEOUT, NO_CONNECTION }

    /** Hears every completed operation. */
    @FunctionalInterface
    public interface Listener {
        void completed(IpSla sla, ReturnCode code);
    }

    private final Node node;
    private final IpSlaConfig config;
    private final Scheduler scheduler;
    private final int identifier;
    private final List<Listener> listeners = new ArrayList<>(1);
    private boolean running;
    private Event nextOperation;
    private Event timeoutEvent;
    private boolean outstanding;
    private int sequence;
    private long sentAt;
    private ReturnCode lastCode = ReturnCode.UNKNOWN;
    private long lastRtt = -1;
    private long lastCompletion = -1;
    private long successes;
    private long failures;

    public IpSla(Node node, IpSlaConfig config) {
        this.node = node;
        this.config = config;
        this.scheduler = node.scheduler();
        this.identifier = 0x8000 | config.id();
        node.ipv4().addIcmpListener(this::icmp);
    }

    /** Creates the operation and registers it as a service of {@code node}. */
    public static IpSla create(Node node, IpSlaConfig config) {
        IpSla s = new IpSla(node, config);
        node.addService(s);
        return s;
    }

    public int id() {
        return config.id();
    }

    public IpSlaConfig config() {
        return config;
    }

    public Node node() {
        return node;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** True while the latest operation succeeded. */
    public boolean reachable() {
        return lastCode == ReturnCode.OK;
    }

    public ReturnCode lastReturnCode() {
        return lastCode;
    }

    /** Round-trip time of the latest successful operation in nanoseconds, -1 before the first. */
    public long lastRtt() {
        return lastRtt;
    }

    public long lastCompletion() {
        return lastCompletion;
    }

    public long successes() {
        return successes;
    }

    public long failures() {
        return failures;
    }

    /** The ICMP echo identifier this operation uses. */
    public int identifier() {
        return identifier;
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        lastCode = ReturnCode.UNKNOWN;
        nextOperation = scheduler.scheduleIn(0, this::operation);
    }

    @Override
    public void stop() {
        running = false;
        outstanding = false;
        if (nextOperation != null) {
            nextOperation.cancel();
            nextOperation = null;
        }
        if (timeoutEvent != null) {
            timeoutEvent.cancel();
            timeoutEvent = null;
        }
        lastCode = ReturnCode.UNKNOWN;
    }

    private void operation() {
        nextOperation = scheduler.scheduleIn(config.frequency(), this::operation);
        sequence = (sequence + 1) & 0xffff;
        outstanding = true;
        sentAt = scheduler.now();
        IcmpMessage echo = IcmpMessage.echo(true, identifier, sequence, new byte[config.dataSize()]);
        boolean sent = node.ipv4().send(IcmpCodec.toBuffer(echo), sourceAddress(), config.target().bits(),
                Ipv4Header.PROTO_ICMP, Node.DEFAULT_TTL, false);
        if (!sent) {
            complete(ReturnCode.NO_CONNECTION);
            return;
        }
        timeoutEvent = scheduler.scheduleIn(config.timeout(), () -> {
            timeoutEvent = null;
            if (outstanding) {
                complete(ReturnCode.TIMEOUT);
            }
        });
    }

    private int sourceAddress() {
        if (config.sourceInterface() != null) {
            Interface itf = node.interfaceNamed(config.sourceInterface());
            return itf == null ? 0 : itf.ipv4Bits();
        }
        return config.sourceAddress() == null ? 0 : config.sourceAddress().bits();
    }

    private void icmp(Interface in, int src, IcmpMessage m) {
        if (!running || !outstanding || m.type() != IcmpMessage.ECHO_REPLY || m.identifier() != identifier
                || m.sequence() != sequence || src != config.target().bits()) {
            return;
        }
        if (timeoutEvent != null) {
            timeoutEvent.cancel();
            timeoutEvent = null;
        }
        lastRtt = scheduler.now() - sentAt;
        complete(ReturnCode.OK);
    }

    private void complete(ReturnCode code) {
        outstanding = false;
        lastCode = code;
        lastCompletion = scheduler.now();
        if (code == ReturnCode.OK) {
            successes++;
        } else {
            failures++;
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).completed(this, code);
        }
    }
}
