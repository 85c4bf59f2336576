package org.turnladder.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.turnladder.analysis.Role;
import org.turnladder.views.roles.RoleChoice;

/**
 * The roles and box names the user gave, kept in the user's preferences (never next to the capture): per capture
 * (by file name and size, so a copy of the file remembers too) and per address across captures. A capture's own
 * choices win over what was said about an address elsewhere.
 */
public final class RoleMemory {
    private final Preferences byCapture;
    private final Preferences byAddress;

    public RoleMemory(Preferences node) {
        this.byCapture = node.node("captures");
        this.byAddress = node.node("addresses");
    }

    /** Choices for a capture, by address: the address-wide ones overlaid by the capture's own. */
    public Map<String, RoleChoice> choices(Path capture) {
        Map<String, RoleChoice> out = new LinkedHashMap<>();
        try {
            read(byAddress, out);
            String key = captureKey(capture);
            if (byCapture.nodeExists(key)) {
                read(byCapture.node(key), out);
            }
        } catch (BackingStoreException e) {
            // unreadable preferences: start from the detected roles
        }
        out.values().removeIf(RoleChoice::isEmpty);
        return out;
    }

    /** Remembers a choice for this capture and for the address; an empty choice forgets both. */
    public void remember(Path capture, RoleChoice c) {
        Preferences cap = byCapture.node(captureKey(capture));
        String key = prefKey(c.address());
        if (c.isEmpty()) {
            cap.put(key, ""); // explicit "detected" for this capture hides an address-wide choice
            byAddress.remove(key);
        } else {
            cap.put(key, encode(c));
            byAddress.put(key, encode(c));
        }
        try {
            cap.flush();
            byAddress.flush();
        } catch (BackingStoreException e) {
            // the choice still holds for this session
        }
    }

    /** The user's roles by address, as {@code CaptureDocument.load} and {@code analysis(overrides)} take them. */
    public static Map<String, Role> overrides(Map<String, RoleChoice> choices) {
        Map<String, Role> out = new LinkedHashMap<>();
        for (RoleChoice c : choices.values()) {
            if (c.role() != null) {
                out.put(c.address(), c.role());
            }
        }
        return out;
    }

    private static void read(Preferences node, Map<String, RoleChoice> out) throws BackingStoreException {
        for (String key : node.keys()) {
            String address = key;
            String v = node.get(key, "");
            if (v.isEmpty()) {
                out.remove(address);
                continue;
            }
            int bar = v.indexOf('|');
            String roleName = bar < 0 ? v : v.substring(0, bar);
            String name = bar < 0 ? null : v.substring(bar + 1);
            Role role = null;
            for (Role r : Role.values()) {
                if (r.name().equals(roleName)) {
                    role = r;
                }
            }
            out.put(address, new RoleChoice(address, role, name));
        }
    }

    private static String encode(RoleChoice c) {
        return (c.role() == null ? "" : c.role().name()) + "|" + (c.name() == null ? "" : c.name());
    }

    /** Preference keys are at most 80 characters; an IPv6 address text fits. */
    private static String prefKey(String address) {
        return address.length() <= Preferences.MAX_KEY_LENGTH ? address : address.substring(0, Preferences.MAX_KEY_LENGTH);
    }

    /** A node name for the capture: a digest of its file name and size. */
    static String captureKey(Path capture) {
        long size;
        try {
            size = Files.size(capture);
        } catch (IOException e) {
            size = -1;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((capture.getFileName() + "\n" + size)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
