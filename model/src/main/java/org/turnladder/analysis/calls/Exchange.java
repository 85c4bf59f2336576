package org.turnladder.analysis.calls;

/** An offer/answer exchange being filled in as its messages arrive. */
final class Exchange {
    final String transaction;
    final long cseq;
    final boolean reOffer;
    final SdpSide offer;
    /** the offer came in the request (INVITE/UPDATE with SDP), not in a 2xx to an INVITE without SDP */
    final boolean offerInRequest;
    SdpSide answer;
    /** the answer came in a final 2xx (or the ACK), not in a provisional response */
    boolean answerFinal;
    int finalStatus;

    Exchange(String transaction, long cseq, boolean reOffer, SdpSide offer, boolean offerInRequest) {
        this.transaction = transaction;
        this.cseq = cseq;
        this.reOffer = reOffer;
        this.offer = offer;
        this.offerInRequest = offerInRequest;
    }

    /** The offer's application-sharing stream is live (port not 0) and the answer set it to port 0. */
    boolean appSharingRejectedByPortZero() {
        return answer != null && offer.appSharing() != null && !offer.appSharing().isRejected()
                && answer.appSharing() != null && answer.appSharing().isRejected();
    }

    OfferAnswer snapshot() {
        return new OfferAnswer(transaction, cseq, reOffer, offer, answer, finalStatus);
    }
}
