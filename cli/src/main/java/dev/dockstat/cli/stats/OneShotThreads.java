package dev.dockstat.cli.stats;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the fan-out of a command that reads once and exits ({@code stats --no-stream}).
 *
 * <p>Platform threads, not virtual ones, on purpose: once a virtual thread has blocked on a socket,
 * the JDK keeps a poller thread waiting in native code, and at {@link System#exit} the JVM waits up
 * to 300 ms for threads in native code to stop (measured here: a JVM that pinged the engine from a
 * virtual thread took 306 ms to run and exit, 74 ms from a platform thread). A one-shot command has
 * a handful of requests in flight, so platform threads cost nothing and the 300 ms go.
 *
 * <p>On JDK 22+ the launcher also turns that wait off for every command
 * ({@code -XX:UserThreadWaitAttemptsAtExit=0}: {@code df} 1.05 s -> 0.74 s, serve-ipc's exit after
 * {@code shutdown} 316 ms -> 10 ms); platform threads here keep {@code stats --no-stream} quick on
 * JDK 21 and when the JVM is started without the launcher.
 */
final class OneShotThreads {

    static final ThreadFactory FACTORY = Thread.ofPlatform().daemon().name("dockstat-once-", 0).factory();

    private OneShotThreads() {}
}
