package org.turnladder.app.cli;

import org.turnladder.decode.DecodedMessage;
import org.turnladder.json.JsonWriter;
import org.turnladder.sip.MsDiagnostic;
import org.turnladder.sip.SipMessage;
import org.turnladder.sip.sdp.IceCandidate;
import org.turnladder.sip.sdp.SdpAttribute;
import org.turnladder.sip.sdp.SdpMedia;
import org.turnladder.sip.sdp.SdpSession;
import org.turnladder.stun.ChannelDataMessage;
import org.turnladder.stun.StunAttribute;
import org.turnladder.stun.StunMessage;

/** The {@code decode --format json} form of one message: one JSON object per line (JSON Lines). */
final class MessageJson {
    private MessageJson() {
    }

    static String of(DecodedMessage m) {
        StringBuilder sb = new StringBuilder(1024);
        write(m, sb);
        return sb.toString();
    }

    /** Appends the message's JSON object to {@code sb} (no line end). */
    static void write(DecodedMessage m, StringBuilder sb) {
        JsonWriter w = new JsonWriter(sb);
        w.beginObject();
        w.field("frame", m.frame());
        w.field("time", time(m.epochNanos()));
        w.field("src", m.src().toString());
        w.field("dst", m.dst().toString());
        w.field("transport", m.transport().name());
        w.field("protocol", m.protocol());
        w.field("framing", m.framing().json());
        if (m.connection() >= 0) {
            w.field("tcpStream", m.connection());
        }
        w.field("summary", m.payload().summary());
        if (m.payload() instanceof StunMessage s) {
            stun(w, s);
        } else if (m.payload() instanceof ChannelDataMessage c) {
            w.field("channel", JsonWriter.hex16(c.channel()));
            w.field("dataLength", c.declaredLength());
        } else if (m.payload() instanceof SipMessage s) {
            sip(w, s);
        }
        w.name("warnings").beginArray();
        for (String warning : m.allWarnings()) {
            w.value(warning);
        }
        w.endArray();
        w.endObject();
    }

    /** Epoch seconds with 9 decimals, exactly (no floating point). */
    static String time(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        long nanos = Math.floorMod(epochNanos, 1_000_000_000L);
        String frac = Long.toString(nanos);
        return seconds + "." + "000000000".substring(frac.length()) + frac;
    }

    private static void stun(JsonWriter w, StunMessage s) {
        w.field("dialect", s.dialect().json());
        w.field("type", s.typeHex());
        w.field("method", s.methodName());
        w.field("class", s.messageClass().json());
        w.field("transactionId", s.transactionId());
        w.field("errorCode", s.errorCode());
        w.field("errorReason", s.errorReason());
        if (s.msIce2()) {
            w.field("msIce2", true);
        }
        w.field("fingerprint", s.fingerprint().name().toLowerCase(java.util.Locale.ROOT));
        w.name("attributes").beginArray();
        for (StunAttribute a : s.attributes()) {
            w.beginObject();
            w.field("type", JsonWriter.hex16(a.type()));
            w.field("name", a.name());
            w.field("value", a.value());
            w.endObject();
        }
        w.endArray();
    }

    private static void sip(JsonWriter w, SipMessage s) {
        if (s.isRequest()) {
            w.field("request", s.method());
            w.field("requestUri", s.requestUri());
        } else {
            w.field("status", s.statusCode());
            w.field("reason", s.reason());
        }
        w.field("callId", s.callId());
        w.field("cseq", s.cseqNumber() + " " + s.cseqMethod());
        w.field("from", s.from());
        w.field("to", s.to());
        w.field("userAgent", s.userAgent());
        w.field("server", s.server());
        if (s.preferredSdp().isPresent()) {
            w.name("sdp");
            sdp(w, s.preferredSdp().get());
            if (s.sdps().size() > 1) {
                w.field("sdpParts", s.sdps().size());
            }
        }
        w.name("msDiagnostics").beginArray();
        for (MsDiagnostic d : s.msDiagnostics()) {
            w.beginObject();
            w.field("header", d.header());
            w.field("code", d.code());
            w.field("reason", d.reason());
            w.field("component", d.component());
            w.field("source", d.source());
            w.endObject();
        }
        w.endArray();
    }

    private static void sdp(JsonWriter w, SdpSession sdp) {
        w.beginObject();
        w.field("connection", sdp.connectionAddress());
        w.name("media").beginArray();
        for (SdpMedia media : sdp.media()) {
            w.beginObject();
            w.field("type", media.type());
            w.field("port", media.port());
            w.field("proto", media.proto());
            w.field("connection", media.connectionAddress());
            w.field("iceUfrag", media.iceUfrag());
            w.field("icePwd", media.icePwd());
            w.name("candidates").beginArray();
            for (IceCandidate c : media.candidates()) {
                w.beginObject();
                w.field("foundation", c.foundation());
                w.field("component", c.component());
                w.field("transport", c.transport());
                w.field("priority", c.priority());
                w.field("address", c.address());
                w.field("port", c.port());
                w.field("type", c.type());
                w.field("raddr", c.raddr());
                w.field("rport", c.rport());
                w.endObject();
            }
            w.endArray();
            w.name("attributes").beginArray();
            for (SdpAttribute a : media.attributes()) {
                w.beginObject();
                w.field("name", a.name());
                w.field("value", a.value());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
}
