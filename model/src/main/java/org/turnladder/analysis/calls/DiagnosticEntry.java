package org.turnladder.analysis.calls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.MsDiagnostic;

/**
 * One Microsoft diagnostic entry seen in a dialog ({@code ms-diagnostics}, {@code ms-diagnostics-public} or
 * {@code ms-client-diagnostics}).
 *
 * @param header    header name as written
 * @param codeText  {@code 21002} or {@code 1009.2}
 * @param category  owner of the code's range (PROTOCOLS.md §9.1), e.g. "ASMCU (application sharing MCU)"
 * @param params    every parameter as written (reason, component and source included)
 * @param message   the SIP message that carried it ("488 Not Acceptable Here", "BYE")
 */
public record DiagnosticEntry(String header, int code, String codeText, String reason, String component,
                              String source, String category, Map<String, String> params, long frame,
                              Endpoint sender, String message) {

    public DiagnosticEntry {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static DiagnosticEntry of(MsDiagnostic d, long frame, Endpoint sender, String message) {
        String category = isClientHeader(d.header()) && d.code() >= 0 && d.code() < 1000
                ? "client" : d.category();
        return new DiagnosticEntry(d.header(), d.code(), d.codeText(), d.reason(), d.component(), d.source(),
                category, d.params(), frame, sender, message);
    }

    /** {@code ms-client-diagnostics}: written by a Skype client, not a server. */
    public boolean fromClient() {
        return isClientHeader(header);
    }

    static boolean isClientHeader(String header) {
        return header != null && header.toLowerCase(Locale.ROOT).startsWith("ms-client-diagnostics");
    }

    /** Case-insensitive parameter lookup, {@code null} if absent. */
    public String param(String name) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {@code 21002 "Attendees cannot share in this conference" (component ASMCU)}. */
    public String describe() {
        StringBuilder s = new StringBuilder(header).append(' ').append(codeText);
        if (reason != null) {
            s.append(" \"").append(reason).append('"');
        }
        if (component != null || source != null) {
            s.append(" (");
            if (component != null) {
                s.append("component ").append(component);
            }
            if (source != null) {
                s.append(component != null ? ", " : "").append("source ").append(source);
            }
            s.append(')');
        }
        return s.toString();
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("header", header)
                .field("code", code)
                .field("codeText", codeText)
                .field("reason", reason)
                .field("component", component)
                .field("source", source)
                .field("category", category)
                .field("frame", frame)
                .field("sender", sender.toString())
                .field("message", message);
        w.name("params").beginObject();
        for (Map.Entry<String, String> e : params.entrySet()) {
            w.field(e.getKey(), e.getValue());
        }
        w.endObject().endObject();
    }
}
