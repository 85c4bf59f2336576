package org.turnladder.net;

/** Transport protocol of a packet or message. */
public enum Transport { UDP, TCP }
