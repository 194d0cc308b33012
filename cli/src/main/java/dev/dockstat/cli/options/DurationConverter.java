package dev.dockstat.cli.options;

import dev.dockstat.core.time.GoDuration;
import java.time.Duration;
import picocli.CommandLine;

/** Durations as docker and Go write them: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h30m}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
