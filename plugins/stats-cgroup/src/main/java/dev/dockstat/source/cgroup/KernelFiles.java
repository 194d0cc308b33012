package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the kernel's small text files and the numbers in them. Every parse failure is an
 * {@link IOException} naming the file, so a caller has one failure to handle whatever the file
 * held; a file that is gone is a {@link java.nio.file.NoSuchFileException}. A container's files
 * are read through its {@link OpenFiles}; {@link #read} is for the host's files read once.
 */
final class KernelFiles {

    private KernelFiles() {}

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    /** A file holding one number, e.g. {@code cpuacct.usage}; {@code max} (cgroup v2) is {@link Long#MAX_VALUE}. */
    static long number(OpenFiles files, Path file) throws IOException {
        String text = files.read(file);
        if (text.length() <= 5 && text.strip().equals("max")) {
            return Long.MAX_VALUE;
        }
        return parse(text, 0, text.length(), file);
    }

    /**
     * The value of {@code key} in a flat keyed file ({@code memory.stat}, {@code cpu.stat}: one
     * {@code key value} per line), or {@code absent} when the key is not there.
     */
    static long keyed(String text, String key, long absent, Path file) throws IOException {
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith(key, at) && at + key.length() < end && text.charAt(at + key.length()) == ' ') {
                return parse(text, at + key.length() + 1, end, file);
            }
            at = end + 1;
        }
        return absent;
    }

    /**
     * The whitespace-separated fields of {@code text[from, to)}: their start and end offsets in
     * {@code bounds} (pairs, as many as fit), and how many fields there are. The files' lines are
     * split on every reading of every container, so without a regular expression and without a
     * string per field.
     */
    static int fields(String text, int from, int to, int[] bounds) {
        int count = 0;
        int i = from;
        while (true) {
            while (i < to && text.charAt(i) <= ' ') {
                i++;
            }
            if (i >= to) {
                return count;
            }
            int start = i;
            while (i < to && text.charAt(i) > ' ') {
                i++;
            }
            if (2 * count + 1 < bounds.length) {
                bounds[2 * count] = start;
                bounds[2 * count + 1] = i;
            }
            count++;
        }
    }

    /** The number in {@code text[from, to)}, spaces around it allowed: a non-negative decimal, or a broken file. */
    static long parse(String text, int from, int to, Path file) throws IOException {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        try {
            long value = Long.parseLong(text, from, to, 10);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            // counters past 2^63 (a u64 the kernel prints) are not a reading dockstat can use
            throw new IOException(file + ": not a counter: '" + shorten(text.substring(from, to)) + "'");
        }
    }

    /** A non-negative decimal; anything else is a broken file. */
    static long parse(String digits, Path file) throws IOException {
        return parse(digits, 0, digits.length(), file);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
