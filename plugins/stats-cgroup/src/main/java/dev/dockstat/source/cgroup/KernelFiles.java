package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the kernel's small text files and the numbers in them. Every parse failure is an
 * {@link IOException} naming the file, so a caller has one failure to handle whatever the file
 * held; a file that is gone is a {@link java.nio.file.NoSuchFileException}.
 */
final class KernelFiles {

    private KernelFiles() {}

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    /** A file holding one number, e.g. {@code cpuacct.usage}; {@code max} (cgroup v2) is {@link Long#MAX_VALUE}. */
    static long number(Path file) throws IOException {
        String text = read(file).strip();
        if (text.equals("max")) {
            return Long.MAX_VALUE;
        }
        return parse(text, file);
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
                return parse(text.substring(at + key.length() + 1, end).strip(), file);
            }
            at = end + 1;
        }
        return absent;
    }

    /** A non-negative decimal; anything else is a broken file. */
    static long parse(String digits, Path file) throws IOException {
        try {
            long value = Long.parseLong(digits);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            // counters past 2^63 (a u64 the kernel prints) are not a reading dockstat can use
            throw new IOException(file + ": not a counter: '" + shorten(digits) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
