package dev.dockstat.batch.run;

/** Tells the progress display about a task's new failures as they are counted. */
final class FailureWatch {

    private final TaskState state;
    private final Progress progress;
    private Thread thread;

    FailureWatch(TaskState state, Progress progress) {
        this.state = state;
        this.progress = progress;
    }

    void start() {
        thread = Thread.ofVirtual().start(() -> {
            long seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long now = state.failures();
                if (now > seen) {
                    seen = now;
                    progress.failed(state, state.lastError());
                }
                try {
                    Thread.sleep(200); // a polling period for the display, not a synchronization
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stop() {
        thread.interrupt();
        long now = state.failures();
        if (now > 0) {
            progress.failed(state, state.lastError());
        }
    }
}
