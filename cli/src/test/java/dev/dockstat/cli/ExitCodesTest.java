package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.outcome.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one mapping from what happened to the exit status scripts read. */
class ExitCodesTest {

    @Test
    void outcomesMapToZeroThreeAndOne() {
        assertEquals(0, ExitCodes.of(Outcome.of(2, List.of())));
        assertEquals(3, ExitCodes.of(Outcome.of(1, List.of("engine b: connection refused"))));
        assertEquals(1, ExitCodes.of(Outcome.of(0, List.of("engine a: connection refused"))));
        assertEquals(1, ExitCodes.of(Outcome.failed(List.of("x"))));
    }

    @Test
    void aMistakeInTheCommandLineOrItsFilesIsTwoAnythingElseOne() {
        assertEquals(2, ExitCodes.of(new UsageException("--interval must be positive")));
        assertEquals(2, ExitCodes.of(new EnvironmentException("no such context: x")));
        assertEquals(1, ExitCodes.of(new DockerException("boom")));
        assertEquals(1, ExitCodes.of(new IllegalStateException()));
    }
}
