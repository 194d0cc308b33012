package dev.dockstat.cli.stats;

import dev.dockstat.core.api.DockerException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for tasks whose failures are already values: anything else thrown is a bug, rethrown. */
final class Futures {

    private Futures() {}

    static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
