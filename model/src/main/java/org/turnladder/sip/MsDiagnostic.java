package org.turnladder.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Microsoft diagnostic entry from {@code ms-diagnostics}, {@code ms-diagnostics-public} or
 * {@code ms-client-diagnostics}: {@code <code>[.<sub>];reason="…";component="…";source="…";…}.
 *
 * @param header    the header it came from, as written
 * @param code      the ErrorId, {@code -1} if it was not a number
 * @param subCode   the part after a dot ({@code 1009.2} → 2), {@code null} if none
 * @param reason    the {@code reason} parameter, {@code null} if absent
 * @param component the {@code component} parameter ({@code ASMCU}), {@code null} if absent
 * @param source    the {@code source} parameter (server FQDN), {@code null} if absent
 * @param params    every parameter in written order (reason, component and source included), quotes and
 *                  backslash escapes removed; a parameter without {@code =} maps to an empty string
 */
public record MsDiagnostic(String header, int code, Integer subCode, String reason, String component,
                           String source, Map<String, String> params) {

    public MsDiagnostic {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A parameter by name, case-insensitive ({@code ErrorType}, {@code HRESULT}, {@code CalleeMediaDebug}). */
    public Optional<String> param(String name) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** {@code 21002} or {@code 1009.2}. */
    public String codeText() {
        return subCode == null ? Integer.toString(code) : code + "." + subCode;
    }

    /** Which server part owns this ErrorId range (MS-OCER §8), e.g. "ASMCU (application sharing MCU)". */
    public String category() {
        return category(code);
    }

    /** The owner of an ErrorId range (MS-OCER §8), {@code "unknown"} outside the published ranges. */
    public static String category(int code) {
        if (code < 0) {
            return "unknown";
        }
        if (code < 1000) {
            return "common";
        }
        return switch (code / 1000) {
            case 1 -> "SIP stack";
            case 2 -> "presence";
            case 3 -> "conferencing focus";
            case 4 -> "user services";
            case 5 -> "API applications";
            case 6 -> "IM MCU";
            case 7 -> "A/V MCU";
            case 8 -> "telephony conferencing";
            case 9 -> "MRAS";
            case 10 -> "Mediation Server";
            case 11 -> "metrics";
            case 12, 13, 14 -> "voice routing";
            case 15 -> "Exchange UM";
            case 16 -> "IM filter";
            case 17 -> "client version filter";
            case 21 -> "ASMCU (application sharing MCU)";
            case 51, 52 -> "client";
            default -> "unknown";
        };
    }
}
