package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

class AdminPasswordSourcesTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(warnings, true, StandardCharsets.UTF_8);

    @Test
    void passwordOnTheCommandLineWorksWithOneLineOfWarning() {
        assertThat(AdminPasswordSources.resolve(Optional.of("visible"), Optional.empty(), Optional.of("env"), console))
                .contains("visible");
        assertThat(warnings.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(AdminPasswordSources.VISIBLE_WARNING);
    }

    @Test
    void passwordFileWinsOverTheEnvironmentWithoutItsFinalLineBreakAndWithoutWarning() throws IOException {
        Path file = Files.writeString(directory.resolve("password"), "s3cret with spaces \n");

        assertThat(AdminPasswordSources.resolve(Optional.empty(), Optional.of(file), Optional.of("env"), console))
                .contains("s3cret with spaces ");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void environmentIsUsedWhenNoOptionIsGiven() {
        assertThat(AdminPasswordSources.resolve(Optional.empty(), Optional.empty(), Optional.of("from-env"), console))
                .contains("from-env");
        assertThat(AdminPasswordSources.resolve(Optional.empty(), Optional.empty(), Optional.of("  "), console))
                .isEmpty();
    }

    @Test
    void missingOrEmptyPasswordFileStopsTheStartInOneLine() throws IOException {
        Path missing = directory.resolve("missing");
        Path empty = Files.writeString(directory.resolve("empty"), "\n");

        assertThatThrownBy(() -> AdminPasswordSources.resolve(Optional.empty(), Optional.of(missing),
                Optional.empty(), console)).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("cannot read the admin password file " + missing);
        assertThatThrownBy(() -> AdminPasswordSources.resolve(Optional.empty(), Optional.of(empty),
                Optional.empty(), console)).isInstanceOf(StartupFailure.class)
                .hasMessage("the admin password file " + empty + " is empty");
    }

    @Test
    void passwordAndPasswordFileTogetherAreRefusedByTheCommandLine() {
        StringWriter errors = new StringWriter();
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(errors))
                .execute("--admin-password", "a", "--admin-password-file", "b");

        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString()).contains("mutually exclusive");
    }
}
