package org.turnladder.framing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.turnladder.decode.MessageSink;
import org.turnladder.tcp.TcpConnection;
import org.turnladder.tcp.TcpReassembler;

/** Gives every TCP connection its two stream decoders, and keeps what was learned about labelled connections. */
public final class TcpFraming implements TcpReassembler.Listener {
    /** Summaries kept for the end-of-capture report; past this only the count goes on. */
    private static final int MAX_SUMMARIES = 100_000;

    private final MessageSink sink;
    private final TurnServers turnServers;
    private final List<TcpFlowSummary> ended = new ArrayList<>();
    private final Consumer<TcpFlowSummary> flowSink;
    private long endedUnlabelled;

    /**
     * @param flowSink hears of every connection that ends and was recognised or failed to open (others are only
     *                 counted)
     */
    public TcpFraming(MessageSink sink, TurnServers turnServers, Consumer<TcpFlowSummary> flowSink) {
        this.sink = sink;
        this.turnServers = turnServers;
        this.flowSink = flowSink;
    }

    public TcpFraming(MessageSink sink, TurnServers turnServers) {
        this(sink, turnServers, f -> { });
    }

    @Override
    public void connectionOpened(TcpConnection c) {
        var a = new TcpStreamDecoder(c.firstDirection(), sink, turnServers);
        var b = new TcpStreamDecoder(c.secondDirection(), sink, turnServers);
        var flow = new TcpFlow(c, a, b);
        a.flow(flow);
        b.flow(flow);
        c.firstDirection().setConsumer(a);
        c.secondDirection().setConsumer(b);
        c.attach(flow);
    }

    @Override
    public void connectionEnded(TcpConnection c) {
        TcpFlow flow = (TcpFlow) c.attachment();
        boolean failed = c.synCount() > 0 && !c.synAcked();
        if (flow.label().isEmpty() && !failed) {
            endedUnlabelled++;
            return;
        }
        TcpFlowSummary summary = TcpFlowSummary.of(flow);
        if (ended.size() < MAX_SUMMARIES) {
            ended.add(summary);
        }
        flowSink.accept(summary);
    }

    /** Connections that ended with a label, in the order they ended. */
    public List<TcpFlowSummary> endedFlows() {
        return List.copyOf(ended);
    }

    /** Connections that carried nothing recognisable. */
    public long unlabelledFlows() {
        return endedUnlabelled;
    }
}
