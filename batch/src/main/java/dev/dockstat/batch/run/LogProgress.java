package dev.dockstat.batch.run;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Plain timestamped lines, for logs and cron mail: a start, failures (once per distinct message), an end per task. */
public final class LogProgress implements Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    public LogProgress(PrintWriter out) {
        this.out = out;
    }

    private synchronized void log(String line) {
        out.println(LocalTime.now().format(TIME) + " " + line);
        out.flush();
    }

    @Override
    public void begin(List<TaskState> tasks) {
        tasks.forEach(t -> log("start " + t.label() + " for " + t.length().toSeconds() + "s"));
    }

    @Override
    public void failed(TaskState task, String message) {
        if (!message.equals(lastFailure.put(task.label(), message))) {
            log("failure " + task.label() + ": " + message);
        }
    }

    @Override
    public void finished(TaskState task) {
        log("end " + task.label() + ": " + task.status() + ", " + task.samples() + " samples, " + task.rows()
                + " rows, " + task.failures() + " failures" + (task.output() == null ? "" : " -> " + task.output()));
    }

    @Override
    public void close() {
        out.flush();
    }
}
