package dev.dockstat.cli.live;

import java.io.IOException;

/**
 * Turns what a terminal sends into {@link Key}s: plain characters, control characters, and the
 * escape sequences of arrows, PgUp/PgDn and Home/End in both cursor modes (CSI {@code ESC [ A} and
 * application mode {@code ESC O A}, which {@code keypad_xmit} switches on), and the {@code ESC [ n ~}
 * forms of PgUp/PgDn/Home/End that xterm, tmux and the Linux console send.
 *
 * <p>A lone Esc is told from the start of a sequence by time: when nothing follows within
 * {@link #ESC_WAIT_MILLIS}, it was the Esc key (a sequence arrives in one write).
 */
public final class KeyDecoder {

    /** Where the bytes come from: a read that gives up after a timeout. */
    @FunctionalInterface
    public interface Input {
        /** The next character, {@link #EOF}, or {@link #TIMEOUT} when nothing came in time. */
        int read(long timeoutMillis) throws IOException;

        int EOF = -1;
        int TIMEOUT = -2;
    }

    static final long ESC_WAIT_MILLIS = 50;
    private static final int ESC = 27;
    private static final int MAX_SEQUENCE = 16;

    private final Input input;
    private int pushedBack = Input.TIMEOUT;

    public KeyDecoder(Input input) {
        this.input = input;
    }

    /** The next key, or null when none came within {@code timeoutMillis}. */
    public Key next(long timeoutMillis) throws IOException {
        int c = pushedBack != Input.TIMEOUT ? pushedBack : input.read(timeoutMillis);
        pushedBack = Input.TIMEOUT;
        return switch (c) {
            case Input.TIMEOUT -> null;
            case Input.EOF, 4 -> Key.of(Key.Type.EOF); // Ctrl-D as in a shell
            case 3 -> Key.of(Key.Type.INTERRUPT);
            case '\r', '\n' -> Key.of(Key.Type.ENTER);
            case 127, 8 -> Key.of(Key.Type.BACKSPACE);
            case 21 -> Key.of(Key.Type.CLEAR_LINE); // Ctrl-U
            case ESC -> escape();
            default -> c >= ' ' ? Key.ch((char) c) : Key.of(Key.Type.UNKNOWN);
        };
    }

    private Key escape() throws IOException {
        int c = input.read(ESC_WAIT_MILLIS);
        if (c == '[' || c == 'O') {
            return sequence();
        }
        if (c != Input.TIMEOUT) {
            pushedBack = c; // Esc then a key (or Alt+key): the Esc first, the key next
        }
        return Key.of(Key.Type.ESC);
    }

    /** The rest of {@code ESC [} or {@code ESC O}: parameters, then a final byte from {@code @} to {@code ~}. */
    private Key sequence() throws IOException {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < MAX_SEQUENCE; i++) {
            int c = input.read(ESC_WAIT_MILLIS);
            if (c == Input.TIMEOUT || c == Input.EOF) {
                return Key.of(Key.Type.UNKNOWN);
            }
            if (c >= '@' && c <= '~') {
                return finalByte((char) c, params.toString());
            }
            params.append((char) c);
        }
        return Key.of(Key.Type.UNKNOWN);
    }

    private static Key finalByte(char c, String params) {
        return switch (c) {
            case 'A' -> Key.of(Key.Type.UP);
            case 'B' -> Key.of(Key.Type.DOWN);
            case 'C' -> Key.of(Key.Type.RIGHT);
            case 'D' -> Key.of(Key.Type.LEFT);
            case 'H' -> Key.of(Key.Type.HOME);
            case 'F' -> Key.of(Key.Type.END);
            case 'M' -> Key.of(Key.Type.ENTER); // keypad Enter in application mode
            case '~' -> switch (params.split(";", -1)[0]) {
                case "1", "7" -> Key.of(Key.Type.HOME);
                case "4", "8" -> Key.of(Key.Type.END);
                case "5" -> Key.of(Key.Type.PAGE_UP);
                case "6" -> Key.of(Key.Type.PAGE_DOWN);
                default -> Key.of(Key.Type.UNKNOWN);
            };
            default -> Key.of(Key.Type.UNKNOWN);
        };
    }
}
