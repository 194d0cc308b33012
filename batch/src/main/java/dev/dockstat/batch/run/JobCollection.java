package dev.dockstat.batch.run;

import dev.dockstat.core.api.DockerClient;
import java.io.IOException;
import java.util.List;

/** What one job does on one engine, writing into its output until done or stopped. */
interface JobCollection {

    /**
     * @param out the task's output (header already written when the format has one)
     */
    void run(DockerClient client, OutputFile out, TaskState state, StopSignal stop) throws IOException;

    /** The columns of every line. */
    List<String> columns();

    /** How lines are written (format and columns), header included. */
    Records records();
}
