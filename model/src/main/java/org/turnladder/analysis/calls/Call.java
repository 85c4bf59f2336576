package org.turnladder.analysis.calls;

import java.util.List;
import java.util.function.Consumer;
import org.turnladder.json.JsonWriter;

/**
 * One SIP dialog (all messages of one Call-ID), as seen so far: how it started, every message in short, the SDP
 * offer/answer exchanges with their application-sharing media, how each INVITE ended, the Microsoft diagnostics,
 * the product strings per address, and the BYE. An immutable snapshot.
 *
 * @param firstRequest     the first request seen, {@code null} if only responses were captured
 * @param messageCount     SIP messages of this Call-ID seen (repeats included)
 * @param messages         those messages in short; long dialogs keep the first and last ones
 * @param messagesOmitted  messages left out of {@code messages}
 * @param invites          every INVITE (initial and re-INVITEs) and its outcome
 * @param offerAnswers     every SDP offer/answer exchange, in order
 * @param diagnostics      every ms-diagnostics / ms-diagnostics-public / ms-client-diagnostics entry
 * @param agents           User-Agent and Server strings per sender address
 * @param byes             BYEs and who sent them
 */
public record Call(String callId, FirstRequest firstRequest, long messageCount, List<DialogMessage> messages,
                   long messagesOmitted, List<InviteOutcome> invites, List<OfferAnswer> offerAnswers,
                   List<DiagnosticEntry> diagnostics, List<AgentString> agents, List<ByeInfo> byes) {

    public Call {
        messages = List.copyOf(messages);
        invites = List.copyOf(invites);
        offerAnswers = List.copyOf(offerAnswers);
        diagnostics = List.copyOf(diagnostics);
        agents = List.copyOf(agents);
        byes = List.copyOf(byes);
    }

    /** Some offer in this dialog has an {@code m=applicationsharing} line. */
    public boolean isAppSharing() {
        for (OfferAnswer oa : offerAnswers) {
            if (oa.offer().appSharing() != null) {
                return true;
            }
        }
        return false;
    }

    /** The latest exchange whose offer has an {@code m=applicationsharing} line, {@code null} if none. */
    public OfferAnswer latestAppSharingExchange() {
        for (int i = offerAnswers.size() - 1; i >= 0; i--) {
            if (offerAnswers.get(i).offer().appSharing() != null) {
                return offerAnswers.get(i);
            }
        }
        return null;
    }

    public void writeJson(JsonWriter w) {
        w.beginObject().field("callId", callId);
        w.name("firstRequest");
        if (firstRequest == null) {
            w.value((String) null);
        } else {
            firstRequest.writeJson(w);
        }
        w.field("appSharing", isAppSharing())
                .field("messageCount", messageCount)
                .field("messagesOmitted", messagesOmitted);
        array(w, "messages", messages, m -> m.writeJson(w));
        array(w, "invites", invites, i -> i.writeJson(w));
        array(w, "offerAnswers", offerAnswers, oa -> oa.writeJson(w));
        array(w, "diagnostics", diagnostics, d -> d.writeJson(w));
        array(w, "agents", agents, a -> a.writeJson(w));
        array(w, "byes", byes, b -> b.writeJson(w));
        w.endObject();
    }

    private static <T> void array(JsonWriter w, String name, List<T> items, Consumer<T> each) {
        w.name(name).beginArray();
        items.forEach(each);
        w.endArray();
    }
}
