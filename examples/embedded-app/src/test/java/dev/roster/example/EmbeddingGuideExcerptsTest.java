package dev.roster.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code docs/embedding.md shows as excerpts (a Java block after {@code <!-- excerpt: path -->}) is really in the
 * file it names, line for line (indentation and blank lines aside), so the guide cannot drift from the example.
 */
class EmbeddingGuideExcerptsTest {

    private static final Path ROOT = Path.of("../..");
    private static final Pattern EXCERPT = Pattern.compile("<!-- excerpt: (\\S+) -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyExcerptOfTheEmbeddingGuideIsInTheFileItNames() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/embedding.md"));
        Matcher excerpts = EXCERPT.matcher(guide);
        List<String> checked = new ArrayList<>();
        while (excerpts.find()) {
            Path source = ROOT.resolve(excerpts.group(1));
            assertThat(source).as("the file an excerpt names").exists();
            List<String> file = lines(Files.readString(source));
            List<String> excerpt = lines(excerpts.group(2));
            assertThat(Collections.indexOfSubList(file, excerpt))
                    .as("the excerpt of %s:%n%s", excerpts.group(1), excerpts.group(2))
                    .isNotNegative();
            checked.add(excerpts.group(1));
        }

        assertThat(checked).as("excerpts found in the guide").hasSizeGreaterThanOrEqualTo(4);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
