package dev.dockstat.ipc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one writer of stdout. Each message is encoded whole first (on the sender's thread), then
 * written with a single {@code write} and flushed under a lock, so lines from concurrent pollers
 * never interleave and a failure while encoding never leaves half a line behind.
 *
 * <p>Write the real stdout through an unbuffered {@link java.io.FileOutputStream}: an interrupt of
 * a sending thread must not close it, as it would an interruptible channel.
 */
public final class Outbox {

    private final OutputStream out;
    private final Diagnostics diagnostics;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean broken;

    public Outbox(OutputStream out, Diagnostics diagnostics) {
        this.out = out;
        this.diagnostics = diagnostics;
    }

    public void send(Outbound message) {
        byte[] line;
        try {
            line = message.encode();
        } catch (RuntimeException e) {
            diagnostics.report("dropped a " + message.getClass().getSimpleName() + " message: " + e.getMessage());
            return;
        }
        lock.lock();
        try {
            if (broken) {
                return;
            }
            out.write(line);
            out.flush();
        } catch (IOException e) {
            // the parent stopped reading; it will close stdin too, which ends the worker
            broken = true;
            diagnostics.report("stdout is closed (" + e.getMessage() + "): messages are dropped from now on");
        } finally {
            lock.unlock();
        }
    }
}
