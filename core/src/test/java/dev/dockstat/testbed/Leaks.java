package dev.dockstat.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/** What a test needs to show that closing something leaves no thread or connection behind. */
public final class Leaks {

    private Leaks() {}

    /**
     * A thread factory that remembers every thread it made, so a test can check that all of them
     * ended (virtual threads appear in no thread dump API, so they are counted here).
     */
    public static final class TrackedThreads implements ThreadFactory {
        private final ThreadFactory delegate;
        private final List<Thread> made = new CopyOnWriteArrayList<>();

        public TrackedThreads(String prefix) {
            this.delegate = Thread.ofVirtual().name(prefix, 0).factory();
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread t = delegate.newThread(task);
            made.add(t);
            return t;
        }

        public int made() {
            return made.size();
        }

        public long alive() {
            return made.stream().filter(Thread::isAlive).count();
        }
    }

    /**
     * TCP connections of this machine in state ESTABLISHED whose remote end is {@code 127.0.0.1:port}
     * (client sides of connections to a loopback server), from {@code /proc/net/tcp} and {@code tcp6}.
     */
    public static long establishedTo(int port) {
        String remote = String.format(":%04X", port);
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6").mapToLong(f -> {
            try {
                return Files.readAllLines(Path.of(f)).stream().skip(1)
                        .map(l -> l.trim().split("\\s+"))
                        .filter(cols -> cols[2].endsWith(remote) && cols[3].equals("01"))
                        .count();
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    /** Sockets this process holds open ({@code /proc/self/fd} links to {@code socket:[...]}). */
    public static long openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
