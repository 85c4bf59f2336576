package org.turnladder.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The captures opened last, newest first, kept in the user's preferences (File ▸ Open Recent). */
public final class RecentFiles {
    static final int MAX = 10;
    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** Newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>(MAX);
        for (int i = 0; i < MAX; i++) {
            String p = node.get(Integer.toString(i), null);
            if (p != null && !p.isEmpty()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts a file first (removing an older mention of it), keeping at most {@value #MAX}. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> l = list();
        l.remove(abs);
        l.add(0, abs);
        store(l);
    }

    public void clear() {
        store(List.of());
    }

    private void store(List<Path> l) {
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                node.put(Integer.toString(i), l.get(i).toString());
            } else {
                node.remove(Integer.toString(i));
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences that cannot be saved only cost the list on the next start
        }
    }
}
