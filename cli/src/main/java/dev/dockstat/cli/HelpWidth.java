package dev.dockstat.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How wide help is printed: 80 columns into a pipe or file (what scripts and pagers expect), the
 * terminal's width on a terminal. Asked only when help is printed: {@code $COLUMNS} when the shell
 * exports it, else {@code stty size} on the terminal (a few milliseconds; JLine's terminal would
 * load far more for one number).
 */
final class HelpWidth {

    static final int PIPE = 80;
    /** picocli refuses narrower; help that narrow would be unreadable anyway. */
    static final int MIN = 55;

    private HelpWidth() {}

    static int ofStdout(Map<String, String> env) {
        if (!Terminals.isTerminal(1)) {
            return PIPE;
        }
        Integer columns = parse(env.get("COLUMNS"));
        if (columns == null) {
            columns = stty();
        }
        return columns == null ? PIPE : Math.max(MIN, columns);
    }

    static Integer parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The second number of {@code stty size} ("rows columns"), or null. */
    private static Integer stty() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            String[] rowsColumns = answer.split("\\s+");
            return rowsColumns.length == 2 ? parse(rowsColumns[1]) : null;
        } catch (Exception e) {
            return null; // no stty, no controlling terminal: the pipe width
        }
    }
}
