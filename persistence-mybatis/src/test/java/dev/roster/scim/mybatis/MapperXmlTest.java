package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class MapperXmlTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /** {@code ${}} splices text into SQL; every value must be a bound {@code #{}} parameter instead. */
    @Test
    void noResourceSplicesTextIntoSql() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            offenders = files.filter(Files::isRegularFile).filter(MapperXmlTest::splices).toList();
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanSeesTheMapperFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            assertThat(files.filter(file -> file.toString().endsWith("Mapper.xml"))).hasSize(9);
        }
    }

    private static boolean splices(Path file) {
        try {
            return Files.readString(file).contains("${");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
