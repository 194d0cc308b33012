package dev.dockstat.batch.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where one job on one environment stands: what the progress display shows and the summary
 * reports. Written by the task's thread, read by the display's.
 */
public final class TaskState {

    public enum Status { WAITING, RUNNING, OK, PARTIAL, FAILED, STOPPED }

    private final String job;
    private final String environment;
    private final Duration length;
    private final long expected;
    private volatile long startedNanos;
    private volatile long samples;
    private volatile long failures;
    private volatile String lastError;
    private volatile Status status = Status.WAITING;
    private volatile Path output;
    private volatile long rows;

    TaskState(String job, String environment, Duration length, long expected) {
        this.job = job;
        this.environment = environment;
        this.length = length;
        this.expected = expected;
    }

    public String job() {
        return job;
    }

    public String environment() {
        return environment;
    }

    public String label() {
        return job + "@" + environment;
    }

    public Duration length() {
        return length;
    }

    /** Samples the job expects (rounds, snapshots); 0 when open-ended (events). */
    public long expected() {
        return expected;
    }

    public long samples() {
        return samples;
    }

    public long failures() {
        return failures;
    }

    public String lastError() {
        return lastError;
    }

    public Status status() {
        return status;
    }

    public Path output() {
        return output;
    }

    public long rows() {
        return rows;
    }

    public Duration elapsed() {
        long s = startedNanos;
        return s == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - s);
    }

    void start() {
        startedNanos = System.nanoTime();
        status = Status.RUNNING;
    }

    void sample() {
        samples++;
    }

    void failure(String message) {
        failures++;
        lastError = message;
    }

    void finish(Status end, Path file, long lines) {
        output = file;
        rows = lines;
        status = end;
    }

    /** OK without failures, PARTIAL with some data and some failures, FAILED without data. */
    Status outcome(boolean stopped) {
        if (samples == 0 && failures > 0) {
            return Status.FAILED;
        }
        if (failures > 0) {
            return Status.PARTIAL;
        }
        return stopped ? Status.STOPPED : Status.OK;
    }
}
