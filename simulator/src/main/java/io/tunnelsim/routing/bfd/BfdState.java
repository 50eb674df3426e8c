package io.tunnelsim.routing.bfd;

/** bfd.SessionState (RFC 5880 §4.1, §6.2), with the two-bit wire values. */
public enum BfdState {
    ADMIN_DOWN(0, "AdminDown"),
    DOWN(1, "Down"),
    INIT(2, "Init"),
    UP(3, "Up");

    private static final BfdState[] BY_CODE = values();

    private final int code;
    private final String display;

    BfdState(int code, String display) {
        this.code = code;
        this.display = display;
    }

    public int code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The state with wire value {@code code} (0..3). */
    public static BfdState of(int code) {
        return BY_CODE[code & 3];
    }
}
