package org.turnladder.views.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.turnladder.analysis.Finding;
import org.turnladder.analysis.Role;
import org.turnladder.analysis.Severity;
import org.turnladder.decode.DecodedMessage;
import org.turnladder.decode.TestCaptures;
import org.turnladder.ladder.LadderModel;
import org.turnladder.ladder.LadderOptions;
import org.turnladder.ladder.RoleColumns;
import org.turnladder.ladder.TimeMode;

/** Exports test captures' ladder as PNG, for looking at it: {@code OUT.png capture... [--repeat N]}. */
public final class ExportDemo {
    private ExportDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<String> names = new ArrayList<>();
        int repeat = 1;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--repeat")) {
                repeat = Integer.parseInt(args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        List<DecodedMessage> once = new ArrayList<>();
        for (String n : names) {
            once.addAll(TestCaptures.decode(TestCaptures.path(n)));
        }
        List<DecodedMessage> all = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            all.addAll(once);
        }
        LadderModel model = LadderModel.build(all, new RoleColumns(Map.of("127.0.0.7", Role.SKYPE_CLIENT,
                "127.0.0.8", Role.SKYPE_EDGE, "127.0.0.4", Role.SKYPE_EDGE, "127.0.0.2", Role.EXPRESSWAY_E,
                "127.0.0.3", Role.CMS), Map.of()), List.of(new Finding("turn.connect-failed", Severity.ERROR, "t", "",
                "", List.of(15L))), LadderOptions.showAll());
        long t0 = System.nanoTime();
        LadderPngExporter exporter = new LadderPngExporter(model, TimeMode.RELATIVE, String.join(" + ", names));
        exporter.export(out);
        int[] size = exporter.size();
        System.out.printf("%d rows → %s %d×%d in %d ms%n", model.rowCount(), out, size[0], size[1],
                (System.nanoTime() - t0) / 1_000_000);
        Platform.exit();
    }
}
