package org.turnladder.app.ui.live;

/** Asks what to do with a live capture that was not saved, before its tab or the window closes. */
@FunctionalInterface
public interface UnsavedPrompt {

    /** The user's answer. */
    enum Choice { SAVE, DISCARD, CANCEL }

    Choice ask(LiveTab tab);
}
