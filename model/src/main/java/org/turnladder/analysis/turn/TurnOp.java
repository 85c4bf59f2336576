package org.turnladder.analysis.turn;

import org.turnladder.stun.Dialect;
import org.turnladder.stun.StunMessage;
import org.turnladder.stun.StunMethods;

/** What a STUN message does for an allocation, with MS-TURN's reused type numbers put right. */
enum TurnOp {
    ALLOCATE, REFRESH, CREATE_PERMISSION, CHANNEL_BIND, CONNECT, CONNECTION_BIND, CONNECTION_ATTEMPT, SEND, DATA,
    SET_ACTIVE_DESTINATION,
    /** not a TURN method (Binding, GOOG-PING, unknown) */
    NONE;

    static TurnOp of(StunMessage s) {
        if (s.dialect() == Dialect.MS_TURN) {
            return switch (s.methodName()) {
                case "Allocate" -> ALLOCATE;
                case "Send" -> SEND;
                case "Data" -> DATA;
                case "SetActiveDestination" -> SET_ACTIVE_DESTINATION;
                default -> NONE;
            };
        }
        return switch (s.method()) {
            case StunMethods.ALLOCATE -> ALLOCATE;
            case StunMethods.REFRESH -> REFRESH;
            case StunMethods.CREATE_PERMISSION -> CREATE_PERMISSION;
            case StunMethods.CHANNEL_BIND -> CHANNEL_BIND;
            case StunMethods.CONNECT -> CONNECT;
            case StunMethods.CONNECTION_BIND -> CONNECTION_BIND;
            case StunMethods.CONNECTION_ATTEMPT -> CONNECTION_ATTEMPT;
            case StunMethods.SEND -> SEND;
            case StunMethods.DATA -> DATA;
            default -> NONE;
        };
    }
}
