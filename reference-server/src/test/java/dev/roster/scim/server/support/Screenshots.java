package dev.roster.scim.server.support;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's pictures, taken by the browser tests into docs/img. A picture whose pixels differ from the committed
 * one in under 2% (a duration, a random id) is not rewritten, so a test run leaves the working tree alone when
 * nothing on the page changed.
 */
public final class Screenshots {

    private static final double UNCHANGED_PIXELS = 0.02;

    private Screenshots() {
    }

    /** Writes {@code png} to docs/img/{@code name} unless the committed picture looks the same. */
    public static void keep(String name, byte[] png) throws IOException {
        Path target = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolveSibling("docs").resolve("img").resolve(name);
        if (Files.exists(target) && nearlyEqual(ImageIO.read(target.toFile()),
                ImageIO.read(new ByteArrayInputStream(png)))) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, png);
    }

    private static boolean nearlyEqual(BufferedImage committed, BufferedImage taken) {
        if (committed == null || taken == null || committed.getWidth() != taken.getWidth()
                || committed.getHeight() != taken.getHeight()) {
            return false;
        }
        long differing = 0;
        for (int y = 0; y < taken.getHeight(); y++) {
            for (int x = 0; x < taken.getWidth(); x++) {
                if (committed.getRGB(x, y) != taken.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing < UNCHANGED_PIXELS * taken.getWidth() * taken.getHeight();
    }
}
