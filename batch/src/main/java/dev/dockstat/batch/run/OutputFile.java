package dev.dockstat.batch.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * One output of a run, written atomically: lines go to a hidden temporary file next to the final
 * one, which is renamed into place by {@link #commit()}. A crash leaves no half-written file under
 * the final name; an interrupted run commits what it has, which always ends with a complete line.
 * Not thread-safe: one task writes one file.
 */
final class OutputFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private long lines;
    private boolean done;

    OutputFile(Path target, boolean gzip) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temp = dir.resolve("." + this.target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        OutputStream out = Files.newOutputStream(temp);
        if (gzip) {
            out = new GZIPOutputStream(out, 64 * 1024, true); // sync flush: each line is readable at once
        }
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    Path target() {
        return target;
    }

    long lines() {
        return lines;
    }

    /** Writes one whole line (a newline is added). */
    void line(String text) throws IOException {
        writer.write(text);
        writer.write('\n');
        writer.flush(); // a long run shows its progress on disk, line by line
        lines++;
    }

    /** Makes the lines durable and moves the file to its final name. */
    void commit() throws IOException {
        if (done) {
            return;
        }
        done = true;
        writer.close(); // finishes the gzip trailer too
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Drops the temporary file if the output was never committed. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            try {
                writer.close();
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing under the final name either way
            }
        }
    }
}
