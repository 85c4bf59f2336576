package org.turnladder.analysis.roles;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SIP User-Agent or Server string says about the box that wrote it (PROTOCOLS.md §9.2, DOMAIN.md §4.1).
 *
 * @param guess  the box it names; {@link Guess#NOTE} when the string is not one we know
 * @param weight how sure the string is (5 for the documented strings, less for patterns)
 * @param what   a few words on what the string is ("Skype for Business client")
 */
record ProductString(Guess guess, double weight, String what) {
    static final double STRONG = 5;

    private static final Pattern TANDBERG = Pattern.compile("TANDBERG/(\\d+)(?:\\s*\\((\\S+?)\\))?");
    private static final Pattern RTC = Pattern.compile("^RTC/(\\d+)\\.\\d+");
    private static final Pattern RTCC = Pattern.compile("^RTCC/\\d+(?:\\.\\d+)*\\s*(.*)$");

    static ProductString classify(String value) {
        String s = value.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("uccapi/") || lower.contains("(skype for business)") || lower.contains("(microsoft lync")
                || lower.contains("microsoft office communicator")) {
            return new ProductString(Guess.SKYPE_CLIENT, STRONG, "Skype for Business / Lync client");
        }
        Matcher rtcc = RTCC.matcher(s);
        if (rtcc.find()) {
            String component = rtcc.group(1).trim();
            if (component.matches("(?i).*(ASMCU|AVMCU|MCU|MediationServer|Mediation).*")) {
                return new ProductString(Guess.SKYPE_FRONT_END, STRONG,
                        "Skype/Lync server component " + component + " (runs on the Front End pool)");
            }
            return new ProductString(Guess.SKYPE_SERVER, 4, "Skype/Lync server component");
        }
        Matcher rtc = RTC.matcher(s);
        if (rtc.find()) {
            return new ProductString(Guess.SKYPE_SERVER, STRONG, "Skype/Lync server " + rtcVersion(rtc.group(1))
                    + ", a Front End or Edge");
        }
        if (lower.startsWith("acano callbridge") || lower.startsWith("acano h.323")) {
            return new ProductString(Guess.CMS, STRONG, "Cisco Meeting Server");
        }
        if (lower.contains("cisco meeting server")) {
            return new ProductString(Guess.CMS, 4, "Cisco Meeting Server (newer string, not verified)");
        }
        Matcher t = TANDBERG.matcher(s);
        if (t.find()) {
            int code = parseCode(t.group(1));
            String version = t.group(2);
            boolean xVersion = version != null && version.matches("X\\d.*");
            if (xVersion || (code >= 4100 && code <= 4199) || code == 4352 || code == 4481) {
                return new ProductString(Guess.EXPRESSWAY, STRONG, version != null && version.contains("b2bua")
                        ? "Cisco Expressway B2BUA" : "Cisco Expressway / VCS");
            }
            return new ProductString(Guess.OTHER, 4, "Cisco/TANDBERG video endpoint, not part of this path");
        }
        if (lower.startsWith("cisco-cucm")) {
            return new ProductString(Guess.OTHER, 4, "Cisco Unified CM, not part of this path");
        }
        return new ProductString(Guess.NOTE, 0, "not recognised");
    }

    private static String rtcVersion(String major) {
        return switch (major) {
            case "4" -> "(Lync 2010)";
            case "5" -> "(Lync 2013)";
            case "6" -> "(Skype for Business 2015)";
            case "7" -> "(Skype for Business 2019)";
            default -> "(RTC " + major + ")";
        };
    }

    private static int parseCode(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
