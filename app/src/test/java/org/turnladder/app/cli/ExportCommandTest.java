package org.turnladder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.turnladder.decode.TestCaptures;

class ExportCommandTest {
    @TempDir
    Path dir;

    static int export(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return Cli.run("export", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theWholeLadderIsDrawnIntoAPngWithoutADisplay() throws IOException {
        Path png = dir.resolve("ladder.png");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = export(out, err, TestCaptures.path("coturn-rfc6062.pcapng").toString(), "--png", png.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(600);
        // 31 messages, one row each, below the title band and the column headers
        assertThat(image.getHeight()).isGreaterThan(31 * 20);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours).as("a drawn ladder, not a blank image").hasSizeGreaterThan(20);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("31 rows");
    }

    @Test
    void columnsLimitsTheColumnsPerRoleAndMustBeANumber() {
        String capture = TestCaptures.path("coturn-rfc6062.pcapng").toString();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(export(out, err, capture, "--png", dir.resolve("all.png").toString(), "--columns", "0"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("31 rows, 3 columns");
        out.reset();
        // three boxes of one role: with one column per role they share it
        assertThat(export(out, err, capture, "--png", dir.resolve("one.png").toString(), "--columns", "1",
                "--role", "127.0.0.2=CMS", "--role", "127.0.0.3=CMS", "--role", "127.0.0.4=CMS"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("31 rows, 1 column)");
        var bad = new ByteArrayOutputStream();
        assertThat(export(new ByteArrayOutputStream(), bad, capture, "--png", dir.resolve("x.png").toString(),
                "--columns", "many")).isEqualTo(2);
        assertThat(bad.toString(StandardCharsets.UTF_8)).contains("--columns is a number");
    }

    @Test
    void namingTwoBoxesAloneGivesThemAColumnEachAndANameMustHaveAnAddressAndAText() {
        String capture = TestCaptures.path("coturn-rfc6062.pcapng").toString();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        // 127.0.0.3 and .4 as one role share its column; named, each is a box of its own again
        assertThat(export(out, err, capture, "--png", dir.resolve("a.png").toString(),
                "--role", "127.0.0.3=CMS", "--role", "127.0.0.4=CMS",
                "--name", "127.0.0.3=CMS node 1", "--name=127.0.0.4=CMS node 2"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 columns");
        for (String bad : new String[] {"127.0.0.3", "=x", "127.0.0.3= "}) {
            var e = new ByteArrayOutputStream();
            assertThat(export(new ByteArrayOutputStream(), e, capture, "--png", dir.resolve("x.png").toString(),
                    "--name", bad)).isEqualTo(2);
            assertThat(e.toString(StandardCharsets.UTF_8)).contains("--name takes ADDRESS=NAME");
        }
    }

    @Test
    void theWindowsFiltersNarrowTheExportedLadder() {
        String capture = TestCaptures.path("coturn-rfc6062.pcapng").toString();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(export(out, err, capture, "--png", dir.resolve("turn.png").toString(), "--protocols", "turn"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        // the 15 TURN messages of the 31 (Allocate ×2, CreatePermission, Connect, ConnectionAttempt, ConnectionBind
        // ×2, Refresh, with their answers), between the CMS and Expressway-E only
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("15 rows, 2 columns");
        out.reset();
        // the 16 ICE checks and answers: 8 through each of the two data connections, relay and peer legs
        assertThat(export(out, err, capture, "--png", dir.resolve("ice.png").toString(), "--protocols",
                "ice, channeldata")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("16 rows");
        // 28 TURN messages, 8 of them Refreshes: the 6 that keep the allocation go, the deallocation stays
        String refreshing = TestCaptures.path("coturn-tcp-allocation.pcap").toString();
        out.reset();
        assertThat(export(out, err, refreshing, "--png", dir.resolve("all.png").toString(), "--all", "--protocols",
                "turn")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("28 rows");
        out.reset();
        assertThat(export(out, err, refreshing, "--png", dir.resolve("norefresh.png").toString(), "--all",
                "--protocols", "turn", "--hide", "refreshes,keep-alives")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("22 rows");
    }

    @Test
    void oneCallByItsCallIdAndAnUnknownCallIdNamesTheCallsThereAre() {
        String capture = TestCaptures.path("sipp-reinvite-rejected.pcap").toString();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(export(out, err, capture, "--png", dir.resolve("call.png").toString(),
                "--call", "3f7c9a12e4b84d6e9a0b1")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var wrong = new ByteArrayOutputStream();
        assertThat(export(new ByteArrayOutputStream(), wrong, capture, "--png", dir.resolve("x.png").toString(),
                "--call", "nope")).isEqualTo(2);
        assertThat(wrong.toString(StandardCharsets.UTF_8)).contains("no call with Call-ID nope")
                .contains("its calls: 3f7c9a12e4b84d6e9a0b1");
    }

    @Test
    void oneTurnAllocationByItsClientAndAnUnknownClientNamesTheClientsThereAre() {
        // two libnice agents, each with its own UDP allocation on one coturn: 88 messages in all
        String capture = TestCaptures.path("libnice-turn-udp.pcap").toString();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(export(out, err, capture, "--png", dir.resolve("turn.png").toString(), "--all",
                "--allocation", "127.0.0.5:40408")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String wrote = out.toString(StandardCharsets.UTF_8);
        int rows = Integer.parseInt(wrote.replaceAll("(?s).*px, (\\d+) rows.*", "$1"));
        assertThat(rows).as(wrote).isGreaterThan(10).isLessThan(88);
        var wrong = new ByteArrayOutputStream();
        assertThat(export(new ByteArrayOutputStream(), wrong, capture, "--png", dir.resolve("x.png").toString(),
                "--allocation", "127.0.0.9:1")).isEqualTo(2);
        assertThat(wrong.toString(StandardCharsets.UTF_8)).contains("no TURN allocation from 127.0.0.9:1")
                .contains("its TURN clients: 127.0.0.5:40408, 127.0.0.6:40412");
    }

    @Test
    void unknownProtocolsOrThingsToHideAreOneLineErrors() {
        String capture = TestCaptures.path("coturn-rfc6062.pcapng").toString();
        for (String[] bad : new String[][] {{"--protocols", "sip,rtp"}, {"--hide", "noise"}}) {
            var err = new ByteArrayOutputStream();
            assertThat(export(new ByteArrayOutputStream(), err, capture, "--png", dir.resolve("x.png").toString(),
                    bad[0], bad[1])).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .contains(bad[0] + " takes a list");
        }
    }

    @Test
    void withoutAnOutputFileItSaysHowToUseIt() {
        var err = new ByteArrayOutputStream();
        assertThat(export(new ByteArrayOutputStream(), err, "x.pcap")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--png");
    }

    @Test
    void aMissingCaptureIsAOneLineError() {
        var err = new ByteArrayOutputStream();
        assertThat(export(new ByteArrayOutputStream(), err, dir.resolve("none.pcap").toString(), "--png",
                dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("no such file");
    }
}
