/**
 * Live capture from network interfaces through libpcap (pcap4j): listing interfaces, capturing into the same
 * decoding engine a file goes through, keeping every packet in a temporary pcapng file as it arrives, and saving it.
 * Failures become a {@link org.turnladder.live.LiveCaptureException} whose message says what to do.
 */
package org.turnladder.live;
