package org.turnladder.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MsDiagnosticTest {

    private final List<String> warnings = new ArrayList<>();

    private MsDiagnostic one(String value) {
        List<MsDiagnostic> all = MsDiagnosticParser.parse("ms-diagnostics", value, warnings);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void parameterOrderDoesNotMatter() {
        MsDiagnostic a = one("1027;source=\"edge.example.com\";reason=\"Cannot route this type of SIP request\"");
        assertThat(a.source()).isEqualTo("edge.example.com");
        assertThat(a.reason()).isEqualTo("Cannot route this type of SIP request");
        assertThat(a.params().keySet()).containsExactly("source", "reason");
        assertThat(warnings).isEmpty();
    }

    @Test
    void spacesAroundSeparatorsAndEqualsAreTolerated() {
        MsDiagnostic d = one(" 21002 ; reason = \"Attendees cannot share\" ; component= \"ASMCU\" ");
        assertThat(d.code()).isEqualTo(21002);
        assertThat(d.reason()).isEqualTo("Attendees cannot share");
        assertThat(d.component()).isEqualTo("ASMCU");
        assertThat(warnings).isEmpty();
    }

    @Test
    void escapedQuotesSemicolonsAndCommasStayInsideQuotedValues() {
        MsDiagnostic d = one("1010;reason=\"say \\\"hi\\\"; then, go\";HRESULT=\"0x80090322(SEC_E_WRONG_PRINCIPAL)\"");
        assertThat(d.reason()).isEqualTo("say \"hi\"; then, go");
        assertThat(d.param("hresult")).contains("0x80090322(SEC_E_WRONG_PRINCIPAL)");
    }

    @Test
    void aSubCodeFollowsADot() {
        MsDiagnostic d = one("1009.2;reason=\"x\"");
        assertThat(d.code()).isEqualTo(1009);
        assertThat(d.subCode()).isEqualTo(2);
        assertThat(d.codeText()).isEqualTo("1009.2");
    }

    @Test
    void unquotedValuesAndBareParametersAreKept() {
        MsDiagnostic d = one("7008;reason=Error parsing SDP;verbose");
        assertThat(d.reason()).isEqualTo("Error parsing SDP");
        assertThat(d.params()).containsEntry("verbose", "");
    }

    @Test
    void severalEntriesMaySitInOneHeaderSeparatedByCommas() {
        List<MsDiagnostic> all = MsDiagnosticParser.parse("ms-client-diagnostics",
                "52017;reason=\"Encryption levels dont match\", 52063;reason=\"Unsupported session description\"",
                warnings);
        assertThat(all).extracting(MsDiagnostic::code).containsExactly(52017, 52063);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aNonNumericCodeIsMinusOneWithAWarning() {
        MsDiagnostic d = one("abc;reason=\"x\"");
        assertThat(d.code()).isEqualTo(-1);
        assertThat(d.reason()).isEqualTo("x");
        assertThat(warnings).singleElement().asString().contains("not a number");
    }

    @Test
    void anUnterminatedQuoteTakesTheRestWithAWarning() {
        MsDiagnostic d = one("1000;reason=\"never closed");
        assertThat(d.reason()).isEqualTo("never closed");
        assertThat(warnings).singleElement().asString().contains("unterminated");
    }

    @Test
    void categoriesFollowTheErrorIdRanges() {
        assertThat(MsDiagnostic.category(1009)).isEqualTo("SIP stack");
        assertThat(MsDiagnostic.category(7008)).isEqualTo("A/V MCU");
        assertThat(MsDiagnostic.category(21002)).isEqualTo("ASMCU (application sharing MCU)");
        assertThat(MsDiagnostic.category(-1)).isEqualTo("unknown");
    }
}
