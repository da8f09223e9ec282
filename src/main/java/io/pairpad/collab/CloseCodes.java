package io.pairpad.collab;

/** The WebSocket close codes of PROTOCOL.md. */
public final class CloseCodes {
    public static final int GOING_AWAY = 1001;
    public static final int POLICY_VIOLATION = 1008;
    public static final int SERVER_ERROR = 1011;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int NO_SUCH_ROOM = 4404;
    public static final int ROOM_DELETED = 4410;
    public static final int TOO_LARGE = 4413;
    public static final int RATE_LIMITED = 4429;

    private CloseCodes() {
    }
}
