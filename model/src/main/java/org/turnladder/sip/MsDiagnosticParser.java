package org.turnladder.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Microsoft diagnostic header values. Lenient by design: parameter order varies between products, spaces
 * around {@code =} occur in copied logs, and quoted values may contain {@code \"}, {@code ;} and {@code ,}.
 */
final class MsDiagnosticParser {

    private final String header;
    private final String s;
    private final List<String> warnings;
    private int i;

    private MsDiagnosticParser(String header, String value, List<String> warnings) {
        this.header = header;
        this.s = value;
        this.warnings = warnings;
    }

    /** Whether the header carries Microsoft diagnostics. */
    static boolean isDiagnosticHeader(String name) {
        return name.equalsIgnoreCase("ms-diagnostics") || name.equalsIgnoreCase("ms-diagnostics-public")
                || name.equalsIgnoreCase("ms-client-diagnostics");
    }

    /** Entries of one header value; several entries may be separated by commas outside quotes. */
    static List<MsDiagnostic> parse(String header, String value, List<String> warnings) {
        return new MsDiagnosticParser(header, value, warnings).entries();
    }

    private List<MsDiagnostic> entries() {
        List<MsDiagnostic> out = new ArrayList<>(1);
        while (true) {
            skipSpace();
            if (i >= s.length()) {
                break;
            }
            out.add(entry());
            skipSpace();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length()) {
                warnings.add(header + ": unexpected text after diagnostic: " + s.substring(i));
            }
            break;
        }
        if (out.isEmpty()) {
            warnings.add(header + ": empty diagnostic header");
        }
        return out;
    }

    private MsDiagnostic entry() {
        int start = i;
        while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != ',') {
            i++;
        }
        String codeText = s.substring(start, i).trim();
        int code = -1;
        Integer sub = null;
        int dot = codeText.indexOf('.');
        String main = dot < 0 ? codeText : codeText.substring(0, dot);
        if (isDigits(main) && main.length() <= 9) {
            code = Integer.parseInt(main);
        }
        if (dot >= 0) {
            String subText = codeText.substring(dot + 1);
            if (isDigits(subText) && subText.length() <= 9) {
                sub = Integer.parseInt(subText);
            } else {
                code = -1;
            }
        }
        if (code < 0) {
            warnings.add(header + ": diagnostic code is not a number: \"" + codeText + "\"");
        }
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != ';') {
                break;
            }
            i++;
            param(params);
        }
        return new MsDiagnostic(header, code, sub, find(params, "reason"), find(params, "component"),
                find(params, "source"), params);
    }

    private void param(Map<String, String> params) {
        skipSpace();
        int start = i;
        while (i < s.length() && "=;,".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        String name = s.substring(start, i).trim();
        String value = "";
        if (i < s.length() && s.charAt(i) == '=') {
            i++;
            skipSpace();
            value = i < s.length() && s.charAt(i) == '"' ? quoted() : token();
        }
        if (name.isEmpty()) {
            if (!value.isEmpty()) {
                warnings.add(header + ": parameter without a name: " + value);
            }
            return;
        }
        params.putIfAbsent(name, value);
    }

    private String quoted() {
        StringBuilder v = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return v.toString();
            }
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            v.append(c);
        }
        warnings.add(header + ": unterminated quoted value");
        return v.toString();
    }

    /** An unquoted value; a comma ends it only when a new entry (a digit) follows. */
    private String token() {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ';' || (c == ',' && nextEntryFollows(i + 1))) {
                break;
            }
            i++;
        }
        return s.substring(start, i).trim();
    }

    private boolean nextEntryFollows(int k) {
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        return k < s.length() && Character.isDigit(s.charAt(k));
    }

    private void skipSpace() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private static String find(Map<String, String> params, String name) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) < '0' || t.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
