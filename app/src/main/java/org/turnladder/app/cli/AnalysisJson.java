package org.turnladder.app.cli;

import java.nio.file.Path;
import org.turnladder.analysis.Analysis;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.calls.Call;
import org.turnladder.analysis.ice.IcePair;
import org.turnladder.analysis.roles.RoleAssignment;
import org.turnladder.analysis.turn.TurnAllocation;
import org.turnladder.json.JsonWriter;

/** The {@code analyze --format json} document: one JSON object. */
final class AnalysisJson {
    private AnalysisJson() {
    }

    static String of(Path file, CaptureReading.Result r) {
        Analysis a = r.analysis();
        StringBuilder sb = new StringBuilder(8192);
        JsonWriter w = new JsonWriter(sb);
        w.beginObject();
        w.field("file", file.toString());
        w.field("frames", a.frames());
        w.field("messages", a.messages());
        w.field("start", MessageJson.time(a.firstNanos()));
        w.field("end", MessageJson.time(a.lastNanos()));
        w.name("roles").beginArray();
        for (RoleAssignment role : a.roles()) {
            role.writeJson(w);
        }
        w.endArray();
        w.name("calls").beginArray();
        for (Call c : a.calls()) {
            c.writeJson(w);
        }
        w.endArray();
        w.name("turnAllocations").beginArray();
        for (TurnAllocation t : a.turnAllocations()) {
            t.writeJson(w);
        }
        w.endArray();
        w.name("iceChecks").beginArray();
        for (IcePair p : a.iceChecks()) {
            p.writeJson(w);
        }
        w.endArray();
        w.name("findings").beginArray();
        for (Finding f : a.findings()) {
            w.beginObject();
            w.field("id", f.id());
            w.field("severity", f.severity().json());
            w.field("title", f.title());
            w.field("detail", f.detail());
            w.field("fix", f.fix());
            w.name("frames").beginArray();
            f.frames().forEach(w::value);
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("warnings").beginArray();
        r.warnings().forEach(w::value);
        w.endArray();
        w.endObject();
        return sb.append('\n').toString();
    }
}
