package org.turnladder.analysis.turn;

import org.turnladder.json.JsonWriter;
import org.turnladder.net.Endpoint;

/**
 * A ChannelBind: channel number ↔ peer transport address, and the ChannelData that used it.
 *
 * @param channel           the channel number (0x4000–0x7FFF)
 * @param peer              XOR-PEER-ADDRESS of the first request, {@code null} if no request was seen
 * @param firstRequestFrame 0 if no request was seen
 * @param requests          ChannelBind requests for this channel (refreshes and retransmissions included)
 * @param succeeded         a success response was seen
 * @param errorCode         code of the latest error response, {@code null} if none
 * @param dataToPeer        ChannelData messages client → server on this channel
 * @param dataFromPeer      ChannelData messages server → client on this channel
 */
public record TurnChannelBinding(int channel, Endpoint peer, long firstRequestFrame, long responseFrame,
                                 int requests, boolean succeeded, Integer errorCode, String errorReason,
                                 long dataToPeer, long dataFromPeer) {

    public String channelHex() {
        return String.format("0x%04x", channel);
    }

    public void writeJson(JsonWriter w) {
        w.beginObject()
                .field("channel", channelHex())
                .field("peer", peer == null ? null : peer.toString())
                .field("firstRequestFrame", firstRequestFrame)
                .field("responseFrame", responseFrame)
                .field("requests", requests)
                .field("succeeded", succeeded)
                .field("errorCode", errorCode)
                .field("errorReason", errorReason)
                .field("dataToPeer", dataToPeer)
                .field("dataFromPeer", dataFromPeer)
                .endObject();
    }
}
