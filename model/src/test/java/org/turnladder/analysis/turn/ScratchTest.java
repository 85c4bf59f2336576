package org.turnladder.analysis.turn;

import org.junit.jupiter.api.Test;
import org.turnladder.json.JsonWriter;

class ScratchTest {
    @Test
    void print() {
        for (String name : System.getProperty("dump", "coturn-rfc6062.pcapng").split(",")) {
            TurnRun run = TurnRun.capture(name);
            System.out.println("=== " + name);
            for (TurnAllocation a : run.turn.allocations(run.lastNanos, true)) {
                StringBuilder sb = new StringBuilder();
                a.writeJson(new JsonWriter(sb));
                System.out.println(sb);
            }
            run.findings().forEach(f -> System.out.println("FINDING " + f));
        }
    }
}
