package io.tunnelsim.live;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Linux TAP device (an Ethernet interface whose other side is this process), opened through
 * {@code /dev/net/tun} with the {@code TUNSETIFF} ioctl ({@code IFF_TAP | IFF_NO_PI}: whole
 * Ethernet frames, no packet-information prefix), as described in the kernel's
 * {@code Documentation/networking/tuntap.rst}. The C library is reached through JNA; no helper
 * program runs.
 *
 * <p>The device may exist already (a persistent TAP made by {@code ip tuntap add mode tap}, the
 * usual way, so that it can be put in a bridge before the run) or is created for the lifetime of
 * the file descriptor. Opening needs {@code CAP_NET_ADMIN} unless the persistent device is owned
 * by the user.
 *
 * <p>{@link #read} waits at most a given time ({@code poll(2)}) so that a reader thread can notice
 * {@link #close}; {@link #write} sends one frame.
 */
public final class TapDevice implements Closeable {
    /** {@code _IOW('T', 202, int)}. */
    static final long TUNSETIFF = 0x400454caL;
    static final short IFF_TAP = 0x0002;
    static final short IFF_NO_PI = 0x1000;
    static final int O_RDWR = 2;
    static final short POLLIN = 0x0001;
    static final int IFNAMSIZ = 16;
    /** {@code sizeof(struct ifreq)} on 64-bit Linux. */
    static final int IFREQ_SIZE = 40;
    static final int EINTR = 4;

    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

        NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        int poll(Pointer fds, NativeLong nfds, int timeoutMs) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile LibC libc;

    private final String name;
    private final int fd;
    private final Memory pollFd = new Memory(8);
    private volatile boolean closed;

    private TapDevice(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    private static LibC libc() {
        LibC l = libc;
        if (l == null) {
            synchronized (TapDevice.class) {
                if (libc == null) {
                    libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
                }
                l = libc;
            }
        }
        return l;
    }

    /** Checks a device name as the kernel does: 1..15 bytes, no '/', ':' or whitespace. */
    public static String checkName(String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length >= IFNAMSIZ) {
            return "an interface name has 1 to 15 characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                return "an interface name may not contain '" + c + "'";
            }
        }
        return null;
    }

    /** Opens (attaches to) the TAP device {@code name}. */
    public static TapDevice open(String name) throws IOException {
        String bad = checkName(name);
        if (bad != null) {
            throw new IOException("TAP device '" + name + "': " + bad);
        }
        if (!Platform.isLinux()) {
            throw new IOException("TAP devices need Linux");
        }
        LibC c;
        try {
            c = libc();
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("cannot load the C library for TAP access: " + e.getMessage(), e);
        }
        int fd;
        try {
            fd = c.open("/dev/net/tun", O_RDWR);
        } catch (LastErrorException e) {
            throw new IOException("cannot open /dev/net/tun: " + errno(e) + hint(e), e);
        }
        Memory ifr = new Memory(IFREQ_SIZE);
        ifr.clear();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ifr.write(0, n, 0, n.length);
        ifr.setShort(IFNAMSIZ, (short) (IFF_TAP | IFF_NO_PI));
        try {
            c.ioctl(fd, new NativeLong(TUNSETIFF), ifr);
        } catch (LastErrorException e) {
            try {
                c.close(fd);
            } catch (LastErrorException ignored) {
                // the ioctl error is the one to report
            }
            throw new IOException("cannot attach to TAP device '" + name + "' (TUNSETIFF): " + errno(e) + hint(e), e);
        }
        return new TapDevice(name, fd);
    }

    private static String errno(LastErrorException e) {
        return "errno " + e.getErrorCode();
    }

    private static String hint(LastErrorException e) {
        return switch (e.getErrorCode()) {
            case 1, 13 -> " (permission denied: run as root, or create the device with 'ip tuntap add mode tap user USER')";
            case 2, 19 -> " (no TUN/TAP support: load the 'tun' module)";
            case 16 -> " (the device is busy: another process has it open)";
            case 22 -> " (the name belongs to an interface that is not a TAP device)";
            default -> "";
        };
    }

    public String name() {
        return name;
    }

    /**
     * Waits up to {@code timeoutMs} for a frame and reads it into {@code buf}. Returns its length,
     * 0 when none arrived in time, -1 once the device is closed.
     */
    public int read(byte[] buf, int timeoutMs) throws IOException {
        if (closed) {
            return -1;
        }
        LibC c = libc();
        pollFd.setInt(0, fd);
        pollFd.setShort(4, POLLIN);
        pollFd.setShort(6, (short) 0);
        int ready;
        try {
            ready = c.poll(pollFd, new NativeLong(1), timeoutMs);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IOException("poll on TAP device '" + name + "': " + errno(e), e);
        }
        if (closed) {
            return -1;
        }
        if (ready <= 0) {
            return 0;
        }
        try {
            return (int) c.read(fd, buf, new NativeLong(buf.length)).longValue();
        } catch (LastErrorException e) {
            if (closed) {
                return -1;
            }
            if (e.getErrorCode() == EINTR || e.getErrorCode() == 11) {
                return 0;
            }
            throw new IOException("read from TAP device '" + name + "': " + errno(e), e);
        }
    }

    /** Sends one Ethernet frame (without FCS). */
    public void write(byte[] frame, int off, int len) throws IOException {
        byte[] b = frame;
        if (off != 0 || len != frame.length) {
            b = java.util.Arrays.copyOfRange(frame, off, off + len);
        }
        try {
            libc().write(fd, b, new NativeLong(len));
        } catch (LastErrorException e) {
            throw new IOException("write to TAP device '" + name + "': " + errno(e), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc().close(fd);
        } catch (LastErrorException ignored) {
            // closing is best effort: the descriptor is gone either way
        }
    }
}
