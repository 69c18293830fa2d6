package io.h1kit.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {
    @ParameterizedTest
    @CsvSource({"500ms, 500", "5s, 5000", "2m, 120000", "1ms, 1"})
    void readsDurationsWithUnits(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), new DurationConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0s", "0ms", "-1s", "1h", "", "5 s", "1.5s", "s", "9999999999s"})
    void refusesAnythingElse(String text) {
        assertThrows(CommandLine.TypeConversionException.class, () -> new DurationConverter().convert(text));
    }
}
