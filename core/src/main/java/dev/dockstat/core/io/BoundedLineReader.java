package dev.dockstat.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines from a stream with a cap on line length: a longer line is
 * skipped (counted in {@link #oversized()}) once it passes the cap, never buffered whole. Empty
 * lines are skipped; a trailing {@code \r} is dropped. Used for engine event streams and for the
 * IPC worker's stdin, where a peer must not be able to make dockstat hold an unbounded line.
 *
 * <p>The current line is a view ({@link #array()}, {@link #length()}) valid until the next call
 * to {@link #advance()}, so a caller that only parses it copies nothing. Not thread-safe.
 */
public final class BoundedLineReader {

    private static final int INITIAL = 512;
    /** A line buffer grown past this by a long line is dropped afterwards, not kept for the life of the stream. */
    private static final int KEEP = 64 * 1024;

    private final InputStream in;
    private final int maxLine;
    private final byte[] chunk = new byte[16 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[INITIAL];
    private int length;
    private boolean overflowed;
    private long oversized;

    public BoundedLineReader(InputStream in, int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be >= 1, got " + maxLine);
        }
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * Moves to the next non-empty line that fits the cap.
     *
     * @return false at the end of the stream
     */
    public boolean advance() throws IOException {
        if (line.length > KEEP) {
            line = new byte[INITIAL];
        }
        while (true) {
            length = 0;
            overflowed = false;
            boolean ended = readLine();
            if (overflowed) {
                oversized++;
            } else {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                if (length > 0) {
                    return true;
                }
            }
            if (ended) {
                return false;
            }
        }
    }

    /** The current line's bytes: {@code array()[0..length())}. */
    public byte[] array() {
        return line;
    }

    public int length() {
        return length;
    }

    /** A copy of the current line. */
    public byte[] copy() {
        return Arrays.copyOf(line, length);
    }

    /** Lines skipped so far for being longer than the cap. */
    public long oversized() {
        return oversized;
    }

    public int maxLine() {
        return maxLine;
    }

    /** Reads up to the next newline into {@link #line}; true when the stream ended instead. */
    private boolean readLine() throws IOException {
        while (true) {
            if (pos == limit) {
                int n = in.read(chunk, 0, chunk.length);
                pos = 0;
                limit = Math.max(n, 0);
                if (n <= 0) {
                    return true;
                }
            }
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            if (pos < limit) {
                pos++; // the newline
                return false;
            }
        }
    }

    private void append(int off, int len) {
        if (overflowed || len == 0) {
            return;
        }
        if (length + len > maxLine) {
            overflowed = true;
            line = new byte[INITIAL]; // let a large partial line go at once
            length = 0;
            return;
        }
        if (length + len > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(2L * line.length, length + len)));
        }
        System.arraycopy(chunk, off, line, length, len);
        length += len;
    }
}
