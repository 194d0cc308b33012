package dev.dockstat.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stdin that a test writes to while the code under test reads it (e.g. the serve-ipc worker run
 * in-process): reads block until the test feeds bytes; {@link #close()} is end of input.
 */
public final class FedInputStream extends InputStream {

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;

    /** One line: {@code text} and a newline. */
    public void line(String text) {
        chunks.add((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes as they are (nothing for an empty array: that would read as end of input). */
    public void bytes(byte[] bytes) {
        if (bytes.length > 0) {
            chunks.add(bytes);
        }
    }

    /** End of input, after what was fed so far. */
    @Override
    public void close() {
        chunks.add(new byte[0]);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos == current.length) {
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            }
            pos = 0;
            if (current.length == 0) {
                chunks.add(current); // stays at the end
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }
}
