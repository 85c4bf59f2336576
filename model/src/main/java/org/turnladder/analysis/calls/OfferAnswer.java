package org.turnladder.analysis.calls;

import java.util.Locale;
import org.turnladder.json.JsonWriter;

/**
 * One SDP offer/answer exchange in a dialog (RFC 3264): the initial INVITE's, a re-INVITE's new offer, an UPDATE's,
 * or an offer sent in a 2xx to an INVITE without SDP (answered in the ACK).
 *
 * @param transaction  the request whose transaction carried the exchange ({@code INVITE}, {@code UPDATE})
 * @param cseq         its CSeq number
 * @param reOffer      a later offer in a dialog that had one already (re-INVITE or UPDATE)
 * @param offer        the offer
 * @param answer       the answer, {@code null} if none was seen (yet)
 * @param finalStatus  the final status of the transaction, {@code 0} if none seen (yet)
 */
public record OfferAnswer(String transaction, long cseq, boolean reOffer, SdpSide offer, SdpSide answer,
                          int finalStatus) {

    public boolean offersAppSharing() {
        return offer.appSharing() != null && !offer.appSharing().isRejected();
    }

    /** Offer and answer both name a role and they are the same (MS-SDPEXT wants sharer ⇄ viewer). */
    public boolean rolesClash() {
        if (answer == null || offer.appSharing() == null || answer.appSharing() == null) {
            return false;
        }
        String o = offer.appSharing().role();
        String a = answer.appSharing().role();
        if (o == null || a == null || answer.appSharing().isRejected()) {
            return false;
        }
        return o.toLowerCase(Locale.ROOT).equals(a.toLowerCase(Locale.ROOT));
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("transaction", transaction)
                .field("cseq", cseq)
                .field("reOffer", reOffer)
                .field("finalStatus", finalStatus);
        w.name("offer");
        offer.writeJson(w);
        w.name("answer");
        if (answer == null) {
            w.value((String) null);
        } else {
            answer.writeJson(w);
        }
        w.endObject();
    }
}
