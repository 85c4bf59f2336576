package org.turnladder.json;

/**
 * A small streaming JSON writer: enough for the command line's output, without a JSON library. Commas are placed
 * automatically; names and values are escaped.
 */
public final class JsonWriter {
    private final StringBuilder sb;
    /** For each open container: whether something was written in it yet. */
    private final boolean[] hasItem = new boolean[64];
    private int depth;
    private boolean afterName;

    public JsonWriter(StringBuilder sb) {
        this.sb = sb;
    }

    public JsonWriter beginObject() {
        separator();
        sb.append('{');
        hasItem[++depth] = false;
        return this;
    }

    public JsonWriter endObject() {
        sb.append('}');
        depth--;
        return this;
    }

    public JsonWriter beginArray() {
        separator();
        sb.append('[');
        hasItem[++depth] = false;
        return this;
    }

    public JsonWriter endArray() {
        sb.append(']');
        depth--;
        return this;
    }

    public JsonWriter name(String name) {
        separator();
        string(name);
        sb.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        separator();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        separator();
        sb.append(n);
        return this;
    }

    public JsonWriter value(Number n) {
        separator();
        sb.append(n == null ? "null" : n.toString());
        return this;
    }

    public JsonWriter value(boolean b) {
        separator();
        sb.append(b);
        return this;
    }

    public JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    public JsonWriter field(String name, long n) {
        return name(name).value(n);
    }

    public JsonWriter field(String name, Number n) {
        return name(name).value(n);
    }

    public JsonWriter field(String name, boolean b) {
        return name(name).value(b);
    }

    private void separator() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasItem[depth]) {
                sb.append(',');
            }
            hasItem[depth] = true;
        }
    }

    private void string(String s) {
        sb.append('"');
        if (plain(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whether a string needs no escaping (the common case), so it can be appended whole. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                return false;
            }
        }
        return true;
    }

    /** {@code 0x0019}: a 16-bit value as 4 lower-case hex digits, without Formatter. */
    public static String hex16(int v) {
        final String digits = "0123456789abcdef";
        return new String(new char[] {'0', 'x', digits.charAt((v >> 12) & 0xf), digits.charAt((v >> 8) & 0xf),
                digits.charAt((v >> 4) & 0xf), digits.charAt(v & 0xf)});
    }
}
