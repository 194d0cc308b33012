package dev.dockstat.ipc;

import dev.dockstat.core.engine.WatchSettings;
import dev.dockstat.core.spi.TransportConfigException;
import java.time.Duration;

/** One configured environment while it is watched: what the {@link Dispatcher} starts, updates and stops. */
interface EnvironmentSession {

    /** Builds and starts the session of a {@code configure}. */
    @FunctionalInterface
    interface Factory {
        /** @throws TransportConfigException when the configuration cannot work (the reason goes to the parent) */
        EnvironmentSession start(Inbound.Configure configure, WatchSettings settings) throws TransportConfigException;
    }

    /** Where the engine is, without secrets, for stderr. */
    String describe();

    void update(WatchSettings settings);

    /** Answers a history request; the reply is sent later, from another thread. */
    void containerMetrics(Inbound.ContainerMetrics request);

    /** Stops every loop and closes the connections; once it returns, nothing of this environment is written. */
    void close();

    /** Waits for the loops to end after {@link #close()}; true when they did. */
    boolean awaitStopped(Duration timeout) throws InterruptedException;
}
