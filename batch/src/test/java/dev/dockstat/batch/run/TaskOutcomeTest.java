package dev.dockstat.batch.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.core.outcome.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a task's samples and failures become its status, and the tasks' statuses the run's outcome. */
class TaskOutcomeTest {

    private static TaskState task(String env, int samples, String... failures) {
        TaskState t = new TaskState("stats", env, Duration.ofSeconds(30), 15);
        t.start();
        for (int i = 0; i < samples; i++) {
            t.sample();
        }
        for (String f : failures) {
            t.failure(f);
        }
        return t;
    }

    private static TaskState finished(TaskState t, boolean stopped) {
        t.finish(t.outcome(stopped), null, 0);
        return t;
    }

    @Test
    void aTaskIsOkPartialFailedOrStopped() {
        assertEquals(TaskState.Status.OK, task("a", 15).outcome(false));
        assertEquals(TaskState.Status.PARTIAL, task("a", 3, "connection refused").outcome(false));
        assertEquals(TaskState.Status.FAILED, task("a", 0, "connection refused").outcome(false));
        assertEquals(TaskState.Status.STOPPED, task("a", 4).outcome(true));
        assertEquals(TaskState.Status.PARTIAL, task("a", 4, "x").outcome(true), "failures outweigh a stop");
    }

    @Test
    void theRunIsOkOnlyWhenEveryTaskIs() {
        assertEquals(Outcome.ok(), BatchRunner.outcome(List.of(finished(task("a", 15), false), finished(task("b", 15), false))));
    }

    @Test
    void someTasksFailedIsPartialWithACausePerTask() {
        Outcome o = BatchRunner.outcome(List.of(finished(task("a", 15), false), finished(task("dead", 0, "connection refused"), false)));
        assertEquals(Outcome.Status.PARTIAL, o.status());
        assertEquals(List.of("stats@dead: connection refused"), o.causes());
    }

    @Test
    void everyTaskFailedOrStoppedIsFailed() {
        Outcome o = BatchRunner.outcome(List.of(finished(task("dead", 0, "connection refused"), false), finished(task("b", 2), true)));
        assertEquals(Outcome.Status.FAILED, o.status());
        assertEquals(List.of("stats@dead: connection refused", "stats@b: stopped"), o.causes());
    }
}
