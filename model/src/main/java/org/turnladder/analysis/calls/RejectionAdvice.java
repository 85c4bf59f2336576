package org.turnladder.analysis.calls;

/**
 * Why an application-sharing INVITE would be answered with a given failure status, and what to check — for the
 * case where no ms-diagnostics header says more.
 *
 * @param explanation what the status means here
 * @param fix         what to check or change
 */
record RejectionAdvice(String explanation, String fix) {

    /**
     * @param offer the rejected offer's application-sharing media (for the SDP-incompatibility hint), may be null
     */
    static RejectionAdvice of(int status, AppSharingMedia offer) {
        return switch (status) {
            case 488, 415 -> new RejectionAdvice(
                    "the answerer found nothing in the offer it could accept, an SDP incompatibility" + offerHint(offer)
                            + ". Typical causes: no usable TCP candidate (RDP sharing is TCP-only), RDP application"
                            + " sharing not supported or not allowed, or encryption (a=crypto) not matching",
                    "Compare the offer with what the answerer supports: TCP-ACT/TCP-PASS candidates incl. a TCP relay"
                            + " candidate, x-applicationsharing-media-type rdp, a=crypto; check software versions and"
                            + " the sharing policy (RDP vs video-based sharing)");
            case 403 -> new RejectionAdvice(
                    "the answerer (or a proxy on the way) refuses this request by policy: application sharing not"
                            + " allowed for this user or meeting, or a call policy / federation rule denies it",
                    "Check the Skype conferencing policy (application sharing allowed), Expressway call policy and"
                            + " search rules, and federation settings for the two domains");
            case 404 -> new RejectionAdvice(
                    "the request URI is not known where the INVITE arrived: the meeting or its application-sharing"
                            + " MCU URI, or the CMS space, does not exist there, or routing sent it to the wrong server",
                    "Check the request URI against the meeting/space and the Expressway search rules and DNS zone"
                            + " that route it");
            case 480 -> new RejectionAdvice(
                    "the callee is temporarily unavailable: not registered or reachable, or the MCU/space cannot"
                            + " take the session right now",
                    "Check that the target is registered/online and that the route reaches the right server; retry"
                            + " after the A/V call is up");
            case 486, 600 -> new RejectionAdvice(
                    "the callee is busy: it is at a call or licence limit, or already has a sharing session",
                    "Check call/licence limits on CMS and the Expressway, and whether another share is active");
            case 603 -> new RejectionAdvice(
                    "the callee (or a server on its behalf) declined the sharing invitation",
                    "Accept the share on the receiving side, or check the policy that declines it automatically");
            case 487 -> new RejectionAdvice(
                    "the caller cancelled the INVITE before it was answered (CANCEL), often because no answer came"
                            + " in time",
                    "Look at why the answer took so long (routing, the far end not answering) or whether the user"
                            + " stopped sharing");
            case 408, 504 -> new RejectionAdvice(
                    "no answer came back from the next hop in time: routing, DNS or TLS between the servers failed",
                    "Follow the INVITE hop by hop (Expressway search history, Skype Edge logs): DNS SRV, TLS"
                            + " certificates and firewalls between Expressway-E and the Skype Edge");
            case 401, 407 -> new RejectionAdvice(
                    "the INVITE was challenged for authentication and no authenticated retry followed",
                    "Check the credentials/authentication settings of the zone or proxy that challenged it");
            case 500, 502, 503 -> new RejectionAdvice(
                    "a server on the path failed or is overloaded/unavailable",
                    "Check the health and logs of the server that answered, and its alternative routes");
            default -> status >= 300 && status < 400
                    ? new RejectionAdvice("the INVITE was redirected and the redirect was not followed",
                    "Check the Contact of the redirect and whether the caller may follow it")
                    : new RejectionAdvice("the INVITE failed",
                    "Check the logs of the server that answered for the reason");
        };
    }

    private static String offerHint(AppSharingMedia offer) {
        if (offer == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("; the offer had ").append(offer.candidates().size())
                .append(" candidates (").append(offer.tcpCandidates()).append(" TCP, ")
                .append(offer.relayCandidates()).append(" relay)");
        if (offer.mediaType() != null) {
            s.append(" and media type ").append(offer.mediaType());
        }
        return s.toString();
    }
}
