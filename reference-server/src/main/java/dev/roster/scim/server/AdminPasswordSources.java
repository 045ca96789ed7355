package dev.roster.scim.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the command line's admin password comes from, first found wins: {@code --admin-password} (with a warning:
 * every local user sees it in {@code ps}), {@code --admin-password-file}, the {@code ROSTER_ADMIN_PASSWORD}
 * environment variable. None: the stored password, else a generated one.
 */
final class AdminPasswordSources {

    static final String ENVIRONMENT_VARIABLE = "ROSTER_ADMIN_PASSWORD";
    static final String VISIBLE_WARNING = "Warning: --admin-password is visible to every local user in the process "
            + "list; prefer " + ENVIRONMENT_VARIABLE + " or --admin-password-file.";

    private AdminPasswordSources() {
    }

    static Optional<String> resolve(Optional<String> option, Optional<Path> file, Optional<String> environment,
                                    PrintStream warnings) {
        if (option.filter(text -> !text.isBlank()).isPresent()) {
            warnings.println(VISIBLE_WARNING);
            return option;
        }
        if (file.isPresent()) {
            return Optional.of(read(file.get()));
        }
        return environment.filter(text -> !text.isBlank());
    }

    /** The file's text without the line break(s) an editor or {@code echo} puts at its end. */
    private static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupFailure("cannot read the admin password file " + file + " (" + e.getMessage() + ")", e);
        }
        String password = text.replaceAll("[\\r\\n]+$", "");
        if (password.isBlank()) {
            throw new StartupFailure("the admin password file " + file + " is empty", null);
        }
        return password;
    }
}
