package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start commands people copy say what the build's argument file says (ADR 055): the README's start the built
 * jar through {@code target/reference-server.jvmopts}, and deployment.md's, whose jar is a copy the build's archive
 * does not fit, spell the heap options of {@code src/main/jvm/heap.jvmopts} (ADR 052).
 */
class StartCommandsInTheDocsTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final String ARGUMENT_FILE = "@reference-server/target/reference-server.jvmopts";

    @Test
    void theReadmesFirstCommandBuildsAndStartsThroughTheArgumentFile() throws IOException {
        assertThat(shellLines(REPOSITORY.resolve("README.md")))
                .contains("mvn -B -q -DskipTests package && java " + ARGUMENT_FILE
                        + " -jar reference-server/target/reference-server.jar");
    }

    @Test
    void everyReadmeCommandStartingTheBuiltJarReadsTheArgumentFile() throws IOException {
        List<String> starts = shellLines(REPOSITORY.resolve("README.md")).stream()
                .filter(line -> line.contains("-jar reference-server/target/reference-server.jar")).toList();

        assertThat(starts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).contains("java " + ARGUMENT_FILE + " -jar "));
    }

    @Test
    void deploymentCommandsOfACopiedJarSpellTheHeapOptions() throws IOException {
        String heapOptions = String.join(" ", heapOptions());
        List<String> starts = shellLines(REPOSITORY.resolve("docs/deployment.md")).stream()
                .filter(line -> line.contains("-jar reference-server.jar")).toList();

        assertThat(heapOptions).isNotBlank();
        assertThat(starts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).startsWith("java " + heapOptions + " -jar reference-server.jar"));
    }

    /** The file the build's argument file starts from, read as the build reads it. */
    private static List<String> heapOptions() throws IOException {
        return Files.readAllLines(Path.of("src/main/jvm/heap.jvmopts"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The lines of the document's {@code sh} code blocks. */
    private static List<String> shellLines(Path markdown) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                inShell = !inShell && line.strip().equals("```sh");
            } else if (inShell) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
