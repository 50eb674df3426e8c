package io.tunnelsim.routing.bfd;

/**
 * The diagnostic codes of RFC 5880 §4.1 (bfd.LocalDiag): why the local system last left Up.
 * Values 9–31 are reserved; a received reserved value is kept as a number, never an error.
 */
public enum BfdDiagnostic {
    NONE(0, "No Diagnostic"),
    CONTROL_DETECTION_TIME_EXPIRED(1, "Control Detection Time Expired"),
    ECHO_FUNCTION_FAILED(2, "Echo Function Failed"),
    NEIGHBOR_SIGNALED_SESSION_DOWN(3, "Neighbor Signaled Session Down"),
    FORWARDING_PLANE_RESET(4, "Forwarding Plane Reset"),
    PATH_DOWN(5, "Path Down"),
    CONCATENATED_PATH_DOWN(6, "Concatenated Path Down"),
    ADMINISTRATIVELY_DOWN(7, "Administratively Down"),
    REVERSE_CONCATENATED_PATH_DOWN(8, "Reverse Concatenated Path Down");

    private static final BfdDiagnostic[] BY_CODE = values();

    private final int code;
    private final String display;

    BfdDiagnostic(int code, String display) {
        this.code = code;
        this.display = display;
    }

    public int code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The diagnostic with value {@code code}, or null for a reserved value (9..31). */
    public static BfdDiagnostic of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Display text for a received value, reserved ones included. */
    public static String describe(int code) {
        BfdDiagnostic d = of(code);
        return d != null ? d.display : "Reserved (" + code + ")";
    }
}
