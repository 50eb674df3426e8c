package io.tunnelsim.live;

/** A live run cannot go on: a TAP device failed or the scheduler fell too far behind the wall clock. */
public final class LiveException extends RuntimeException {
    public LiveException(String message) {
        super(message, null, false, false);
    }

    public LiveException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
