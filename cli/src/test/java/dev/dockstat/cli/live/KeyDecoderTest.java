package dev.dockstat.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockstat.cli.live.Key.Type;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytes as terminals send them, to keys; a pause in the input is a timeout of the fake input. */
class KeyDecoderTest {

    static final int PAUSE = KeyDecoder.Input.TIMEOUT;

    /** Input that hands out the given ints, a {@link #PAUSE} meaning "nothing arrived in time". */
    static KeyDecoder decoder(int... input) {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c : input) {
            queue.add(c);
        }
        return new KeyDecoder(timeout -> queue.isEmpty() ? KeyDecoder.Input.TIMEOUT : queue.poll());
    }

    static int[] bytes(String s) {
        return s.chars().toArray();
    }

    static List<Key> all(KeyDecoder d) throws IOException {
        List<Key> keys = new ArrayList<>();
        for (Key k; (k = d.next(0)) != null; ) {
            keys.add(k);
        }
        return keys;
    }

    @Test
    void arrowsInBothCursorModes() throws IOException {
        assertEquals(List.of(Key.of(Type.UP), Key.of(Type.DOWN), Key.of(Type.RIGHT), Key.of(Type.LEFT)),
                all(decoder(bytes("\u001b[A\u001b[B\u001b[C\u001b[D"))));
        assertEquals(List.of(Key.of(Type.UP), Key.of(Type.DOWN)), all(decoder(bytes("\u001bOA\u001bOB"))), "application mode (keypad_xmit)");
    }

    @Test
    void pageAndHomeEndInTheirCommonForms() throws IOException {
        assertEquals(List.of(Key.of(Type.PAGE_UP), Key.of(Type.PAGE_DOWN)), all(decoder(bytes("\u001b[5~\u001b[6~"))));
        assertEquals(List.of(Key.of(Type.HOME), Key.of(Type.END), Key.of(Type.HOME), Key.of(Type.END), Key.of(Type.HOME), Key.of(Type.END)),
                all(decoder(bytes("\u001b[H\u001b[F\u001bOH\u001bOF\u001b[1~\u001b[4~"))));
        assertEquals(List.of(Key.of(Type.HOME), Key.of(Type.END)), all(decoder(bytes("\u001b[7~\u001b[8~"))), "rxvt");
        assertEquals(List.of(Key.of(Type.PAGE_DOWN)), all(decoder(bytes("\u001b[6;5~"))), "with a modifier");
    }

    @Test
    void aLoneEscIsTheEscKeyAndEscThenAKeyIsBoth() throws IOException {
        assertEquals(List.of(Key.of(Type.ESC)), all(decoder(27, PAUSE)));
        assertEquals(List.of(Key.of(Type.ESC), Key.ch('q')), all(decoder(27, 'q')));
        assertEquals(List.of(Key.of(Type.ESC), Key.ch('a')), all(decoder(27, PAUSE, 'a')));
    }

    @Test
    void controlAndPlainCharacters() throws IOException {
        assertEquals(List.of(Key.of(Type.INTERRUPT), Key.of(Type.EOF), Key.of(Type.ENTER), Key.of(Type.ENTER),
                Key.of(Type.BACKSPACE), Key.of(Type.BACKSPACE), Key.of(Type.CLEAR_LINE), Key.ch('/'), Key.ch('é'), Key.of(Type.UNKNOWN)),
                all(decoder(3, 4, '\r', '\n', 127, 8, 21, '/', 'é', 1)));
        assertEquals(Key.of(Type.EOF), decoder(KeyDecoder.Input.EOF).next(0));
    }

    @Test
    void unknownOrCutSequencesAreIgnoredNotTyped() throws IOException {
        assertEquals(List.of(Key.of(Type.UNKNOWN), Key.ch('x')), all(decoder(bytes("\u001b[99~x"))));
        assertEquals(List.of(Key.of(Type.UNKNOWN)), all(decoder(27, '[', '1', PAUSE)));
        assertNull(decoder().next(0));
    }
}
