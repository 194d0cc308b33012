package dev.dockstat.source.cgroup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One container's kernel files, opened at its first reading and kept open: each reading re-reads
 * them from offset 0 into one reused buffer. Opening ~10 files per container and reading was a
 * third of a worker round's CPU (a {@code FileChannel} and its {@code Cleaner} per file); the
 * kernel makes a cgroup or proc file's text anew at each read from offset 0, so a kept handle
 * gives the value of the moment as a fresh open does.
 *
 * <p>A handle is tied to what it opened, not to the name: a cgroup file of a removed cgroup fails
 * to read ({@code ENODEV}) even when a cgroup of the same name was made again (a restarted
 * container), and a {@code /proc/PID} file of a process that exited fails ({@code ESRCH}) even
 * when another process got the number. {@code /proc/PID/net/dev} is the exception: it holds the
 * network namespace and keeps reading it after the process is gone, which is why a reading ends
 * with {@link #alive}.
 *
 * <p>Not kept ({@link #transientFiles()}, or after {@link #close()}): every read opens and
 * closes the file, as before, for the availability probe and for containers past the source's
 * limit of kept sets. Callers hold {@link #lock()} around a reading; the buffer is shared.
 */
final class OpenFiles implements Closeable {

    private static final int INITIAL = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Path, FileChannel> open = new HashMap<>();
    private boolean keep;
    /** Direct, so the channel reads into it without a temporary buffer of its own (and its cleaner). */
    private ByteBuffer buffer;
    private byte[] bytes;
    private volatile long lastUsedNanos = System.nanoTime();

    private OpenFiles(boolean keep) {
        this.keep = keep;
    }

    /** A set that keeps its files open until {@link #close()}. */
    static OpenFiles kept() {
        return new OpenFiles(true);
    }

    /** A set that opens and closes every file it reads. */
    static OpenFiles transientFiles() {
        return new OpenFiles(false);
    }

    void lock() {
        lock.lock();
        lastUsedNanos = System.nanoTime();
    }

    void unlock() {
        lock.unlock();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** The file's whole text now; a failure leaves the file closed, so the next read opens it afresh. */
    String read(Path file) throws IOException {
        FileChannel channel = open.get(file);
        boolean fresh = channel == null;
        if (fresh) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        try {
            int n = readFromStart(channel);
            if (fresh && keep) {
                open.put(file, channel);
                fresh = false;
            }
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            if (!fresh) {
                open.remove(file);
            }
            channel.close();
            throw e;
        } finally {
            if (fresh) {
                channel.close();
            }
        }
    }

    /** True when the file is open here or, not being open, exists. */
    boolean exists(Path file) {
        return open.containsKey(file) || Files.exists(file);
    }

    /**
     * Whether the container's main process and cgroup are still the ones these handles were opened
     * on: the process's own {@code /proc/PID/cgroup} handle still reads (the kernel fails it once
     * that process has exited, whatever now has its number) and still names the container (when
     * the file was opened afresh: the number may belong to another process), and the process's and the cgroup's
     * directories are still there (on the kernel's file systems the handles fail first; ordinary
     * files, as in a copy of a host's tree, stay readable through a handle after they are removed).
     *
     * @throws IOException when they are not: the reading must not be used
     */
    void alive(Path procCgroup, String containerId, Path procDir, Path cgroupDir) throws IOException {
        if (!read(procCgroup).contains(containerId) || !Files.exists(procDir) || !Files.exists(cgroupDir)) {
            throw new NoSuchFileException(procDir.toString(), null, "the process or its cgroup is gone");
        }
    }

    private int readFromStart(FileChannel channel) throws IOException {
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(INITIAL);
            bytes = new byte[INITIAL];
        }
        buffer.clear();
        long position = 0;
        while (true) {
            int got = channel.read(buffer, position);
            if (got < 0) {
                break;
            }
            position += got;
            if (!buffer.hasRemaining()) {
                ByteBuffer larger = ByteBuffer.allocateDirect(buffer.capacity() * 2);
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
                bytes = new byte[larger.capacity()];
            }
        }
        buffer.flip();
        int n = buffer.remaining();
        buffer.get(bytes, 0, n);
        return n;
    }

    /** How many files are open here (tests). */
    int openCount() {
        lock.lock();
        try {
            return open.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes every file; reads after this open and close their file each time (a reading that
     * raced with the close still gets its figures).
     */
    @Override
    public void close() {
        release();
    }

    /** As {@link #close()}; true when this call is the one that stopped keeping the files. */
    boolean release() {
        lock.lock();
        try {
            boolean was = keep;
            keep = false;
            for (FileChannel c : open.values()) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // a read-only handle: nothing was left to write
                }
            }
            open.clear();
            return was;
        } finally {
            lock.unlock();
        }
    }
}
