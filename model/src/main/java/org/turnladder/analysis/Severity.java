package org.turnladder.analysis;

import java.util.Locale;

/** How bad a finding is. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** {@code error}, {@code warning}, {@code info}: the JSON form. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
