package org.turnladder.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.analysis.Role;
import org.turnladder.views.roles.RoleChoice;

/** Role choices kept in preferences: per capture, and per address across captures. */
class RoleMemoryTest {
    private final Preferences node = Preferences.userRoot().node("org/turnladder/test/" + UUID.randomUUID());
    private final RoleMemory memory = new RoleMemory(node);

    @TempDir
    Path dir;

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void aChoiceHoldsForTheCaptureAndForTheAddressInOtherCaptures() throws Exception {
        Path a = Files.write(dir.resolve("a.pcap"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.pcap"), new byte[] {1, 2, 3, 4});
        memory.remember(a, new RoleChoice("192.0.2.50", Role.EXPRESSWAY_E, "Exp-E 1"));
        assertThat(memory.choices(a)).containsEntry("192.0.2.50",
                new RoleChoice("192.0.2.50", Role.EXPRESSWAY_E, "Exp-E 1"));
        assertThat(memory.choices(b)).containsKey("192.0.2.50");
        assertThat(RoleMemory.overrides(memory.choices(b))).containsEntry("192.0.2.50", Role.EXPRESSWAY_E);
    }

    @Test
    void aCapturesOwnChoiceWinsAndResettingForgetsTheAddress() throws Exception {
        Path a = Files.write(dir.resolve("a.pcap"), new byte[] {1});
        Path b = Files.write(dir.resolve("b.pcap"), new byte[] {2, 2});
        memory.remember(a, new RoleChoice("10.0.0.1", Role.CMS, null));
        memory.remember(b, new RoleChoice("10.0.0.1", Role.SKYPE_EDGE, null));
        assertThat(memory.choices(a).get("10.0.0.1").role()).isEqualTo(Role.CMS);
        assertThat(memory.choices(b).get("10.0.0.1").role()).isEqualTo(Role.SKYPE_EDGE);
        memory.remember(b, new RoleChoice("10.0.0.1", null, null));
        assertThat(memory.choices(b)).doesNotContainKey("10.0.0.1");
        assertThat(memory.choices(a).get("10.0.0.1").role()).as("a's own choice stays").isEqualTo(Role.CMS);
    }

    @Test
    void nothingIsWrittenNextToTheCapture() throws Exception {
        Path a = Files.write(dir.resolve("a.pcap"), new byte[] {1});
        memory.remember(a, new RoleChoice("10.0.0.1", Role.CMS, "x"));
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(a);
        }
    }

    @Test
    void recentFilesKeepTheNewestFirstWithoutRepeats() {
        RecentFiles r = new RecentFiles(node.node("recent"));
        for (int i = 0; i < 12; i++) {
            r.add(dir.resolve(i + ".pcap"));
        }
        r.add(dir.resolve("5.pcap"));
        List<Path> l = r.list();
        assertThat(l).hasSize(RecentFiles.MAX);
        assertThat(l.get(0)).isEqualTo(dir.resolve("5.pcap"));
        assertThat(l.get(1)).isEqualTo(dir.resolve("11.pcap"));
        assertThat(l).doesNotHaveDuplicates();
    }

    @Test
    void dropsKeepOnlyCaptureFiles() {
        assertThat(CaptureDrop.captures(List.of(dir.resolve("a.pcap").toFile(), dir.resolve("b.PCAPNG").toFile(),
                dir.resolve("c.cap").toFile(), dir.resolve("d.pcap.gz").toFile(), dir.resolve("e.txt").toFile())))
                .extracting(p -> p.getFileName().toString()).containsExactly("a.pcap", "b.PCAPNG", "c.cap",
                        "d.pcap.gz");
    }
}
