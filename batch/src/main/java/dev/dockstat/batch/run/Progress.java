package dev.dockstat.batch.run;

import java.util.List;

/** How a run tells the user where it stands. Called from the tasks' threads. */
public interface Progress extends AutoCloseable {

    /** The run starts these tasks. */
    void begin(List<TaskState> tasks);

    /** A task hit a failure (its state already counts it). */
    void failed(TaskState task, String message);

    /** A task ended (its state holds the outcome). */
    void finished(TaskState task);

    @Override
    void close();

    /** Nothing but what the summary says. */
    Progress QUIET = new Progress() {
        @Override public void begin(List<TaskState> tasks) { }
        @Override public void failed(TaskState task, String message) { }
        @Override public void finished(TaskState task) { }
        @Override public void close() { }
    };
}
