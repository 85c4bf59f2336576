package org.turnladder.analysis.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.turnladder.analysis.Severity;
import org.turnladder.net.Endpoint;
import org.turnladder.sip.MsDiagnostic;
import org.turnladder.sip.SipDecoder;
import org.turnladder.sip.SipMessage;

/** Known Microsoft diagnostic codes get a specific explanation (DOMAIN.md §3.1, PROTOCOLS.md §9.1). */
class DiagnosticAdviceTest {

    private static DiagnosticEntry entry(String header, String value) {
        String text = "SIP/2.0 488 Not Acceptable Here\r\nVia: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK1\r\n"
                + "From: <sip:a@x>;tag=1\r\nTo: <sip:b@y>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
                + header + ": " + value + "\r\nContent-Length: 0\r\n\r\n";
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SipMessage s = SipDecoder.decode(b, 0, b.length);
        List<MsDiagnostic> ds = new ArrayList<>(s.msDiagnostics());
        assertThat(ds).hasSize(1);
        return DiagnosticEntry.of(ds.get(0), 2, Endpoint.parse("10.0.0.1:5060"), "488 Not Acceptable Here");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ms-diagnostics|1027;reason=\"Cannot route this type of SIP request to or from federated partners\"|WARNING|federation|SIP stack",
        "ms-diagnostics|7008;reason=\"Error parsing SDP\"|WARNING|could not parse the SDP|A/V MCU",
        "ms-client-diagnostics|52017;reason=\"Encryption levels dont match\"|WARNING|encryption|client",
        "ms-client-diagnostics|52063;reason=\"Unsupported session description\"|WARNING|session description|client",
        "ms-client-diagnostics|51004;reason=\"Action initiated by User\"|INFO|normal hang-up|client",
        "ms-client-diagnostics|25;reason=\"A federated call failed to establish due to a media connectivity failure\"|WARNING|ICE failed|client",
        "ms-diagnostics|3001;reason=\"Something in the focus\"|WARNING|conferencing focus|conferencing focus"})
    void knownCodesGetASpecificExplanation(String header, String value, Severity severity, String words,
                                           String category) {
        DiagnosticEntry e = entry(header, value);
        DiagnosticAdvice a = DiagnosticAdvice.of(e);
        assertThat(a.severity()).isEqualTo(severity);
        assertThat(a.explanation() + " " + a.fix()).containsIgnoringCase(words);
        assertThat(e.category()).isEqualTo(category);
    }

    @Test
    void attendeesCannotShareIsAnErrorAboutPresenterRights() {
        DiagnosticAdvice a = DiagnosticAdvice.of(entry("ms-diagnostics-public",
                "21002;reason=\"Attendees cannot share in this conference\";component=\"ASMCU\""));
        assertThat(a.severity()).isEqualTo(Severity.ERROR);
        assertThat(a.fix()).contains("Make Presenter");
    }

    @Test
    void iceWarnBitsAreNamedFromTheSipHeaderTable() {
        assertThat(IceWarn.find("application-sharing:ICEWarn=0x320,LocalSite=1.2.3.4:5")).isEqualTo(0x320);
        assertThat(IceWarn.describe(0x320)).containsExactly(
                "local connectivity failed (TCP for app sharing) (0x20)",
                "TCP NAT connectivity failed (0x100)",
                "TCP TURN connectivity failed (0x200)");
        assertThat(IceWarn.find("no flags here")).isEqualTo(-1);
        assertThat(IceWarn.find("ICEWarn=zz")).isEqualTo(-1);
    }
}
