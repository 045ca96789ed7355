package dev.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a JFR recording into a flame graph picture: async-profiler's converter (jfrconv, from Maven Central) writes
 * its HTML flame graph, headless Chromium takes a picture of it.
 */
final class FlameGraphs {

    private final Path converter;
    private final Path pictures;

    FlameGraphs(Path converter, Path pictures) {
        this.converter = converter;
        this.pictures = pictures;
    }

    void render(Path recording, String name, String title) throws IOException, InterruptedException {
        Files.createDirectories(pictures);
        Path html = recording.resolveSibling(name + ".html");
        // JFR's jdk.ExecutionSample (the default event; jfrconv's --cpu means async-profiler's own CPU event).
        // Inverted (an icicle: the root on top) so that a deep Jersey stack loses only its tips off the picture.
        Machine.checked(List.of("java", "-jar", converter.toString(), "--simple", "--minwidth", "0.25",
                "--inverted", "--title", title, recording.toString(), html.toString()));
        Path png = pictures.resolve(name + ".png");
        Machine.checked(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1600,2200", "--screenshot=" + png, html.toUri().toString()));
        if (!Files.exists(png)) {
            throw new IllegalStateException("no picture made of " + html);
        }
    }
}
