package dev.dockstat.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.cli.live.Key.Type;
import dev.dockstat.cli.live.LiveState.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What keys do to the view's state: scrolling within bounds, the filter, the detail, quitting. */
class LiveStateTest {

    static final List<String> ROWS = IntStream.rangeClosed(1, 40).mapToObj(i -> "default/c" + i).toList();
    static final int PAGE = 10;

    static LiveState after(Key... keys) {
        LiveState s = new LiveState(false);
        s.fit(ROWS, PAGE);
        for (Key k : keys) {
            s.apply(k, ROWS, PAGE);
            s.fit(ROWS, PAGE);
        }
        return s;
    }

    static Key[] times(int n, Key key) {
        return IntStream.range(0, n).mapToObj(i -> key).toArray(Key[]::new);
    }

    @Test
    void startsOnTheFirstRow() {
        LiveState s = after();
        assertEquals(0, s.selected());
        assertEquals(0, s.top());
        assertEquals("default/c1", s.selectedKey());
    }

    @Test
    void downPastTheScreenScrollsByOneAndUpStopsAtTheTop() {
        LiveState s = after(times(12, Key.of(Type.DOWN)));
        assertEquals(12, s.selected());
        assertEquals(3, s.top(), "the selection is the last row shown");
        s = after(times(5, Key.of(Type.UP)));
        assertEquals(0, s.selected());
        assertEquals(0, s.top());
    }

    @Test
    void pagesEndsAndBounds() {
        LiveState s = after(Key.of(Type.PAGE_DOWN));
        assertEquals(10, s.selected());
        assertEquals(1, s.top());
        s = after(times(9, Key.of(Type.PAGE_DOWN)));
        assertEquals(39, s.selected(), "PgDn stops at the last row");
        assertEquals(30, s.top(), "no empty room below the last row");
        s = after(Key.of(Type.END));
        assertEquals(39, s.selected());
        assertEquals(30, s.top());
        s = after(Key.of(Type.END), Key.of(Type.PAGE_UP));
        assertEquals(29, s.selected());
        assertEquals(29, s.top());
        s = after(Key.of(Type.END), Key.of(Type.HOME));
        assertEquals(0, s.selected());
        assertEquals(0, s.top());
        s = after(Key.of(Type.END), Key.of(Type.DOWN));
        assertEquals(39, s.selected(), "down at the end stays");
    }

    @Test
    void theSelectionFollowsItsContainerAndStaysInPlaceWhenItLeaves() {
        LiveState s = after(times(3, Key.of(Type.DOWN)));
        assertEquals("default/c4", s.selectedKey());
        List<String> resorted = new ArrayList<>(ROWS);
        java.util.Collections.reverse(resorted);
        s.fit(resorted, PAGE);
        assertEquals("default/c4", s.selectedKey());
        assertEquals(36, s.selected());
        assertEquals(27, s.top());
        List<String> without = new ArrayList<>(resorted);
        without.remove("default/c4");
        s.fit(without, PAGE);
        assertEquals(36, s.selected(), "same place");
        assertEquals("default/c3", s.selectedKey());
    }

    @Test
    void untilTheUserMovesItTheSelectionStaysOnTheFirstRow() {
        LiveState s = after();
        List<String> resorted = new ArrayList<>(ROWS);
        java.util.Collections.reverse(resorted);
        s.fit(resorted, PAGE);
        assertEquals(0, s.selected());
        assertEquals(0, s.top(), "no scrolling on its own");
        assertEquals("default/c40", s.selectedKey());
    }

    @Test
    void aShorterListOrATallerScreenPullsTheScrollBack() {
        LiveState s = after(Key.of(Type.END));
        s.fit(ROWS.subList(0, 5), PAGE);
        assertEquals(4, s.selected());
        assertEquals(0, s.top());
        s = after(Key.of(Type.END));
        s.fit(ROWS, 40);
        assertEquals(0, s.top());
        s.fit(List.of(), PAGE);
        assertEquals(0, s.top());
        assertEquals(Outcome.REDRAW, s.apply(Key.of(Type.DOWN), List.of(), PAGE), "no rows: nothing to move, nothing breaks");
    }

    @Test
    void slashTypesAFilterEnterKeepsItEscClearsIt() {
        LiveState s = after(Key.of(Type.END), Key.ch('/'), Key.ch('w'), Key.ch('e'), Key.ch('q'));
        assertEquals("weq", s.look().filter(), "q is typed, not quit, while filtering");
        assertTrue(s.look().editing());
        assertEquals(0, s.top(), "a new filter starts at the first row");
        assertEquals(Outcome.REDRAW, s.apply(Key.of(Type.BACKSPACE), ROWS, PAGE));
        assertEquals("we", s.look().filter());
        s.apply(Key.of(Type.ENTER), ROWS, PAGE);
        assertFalse(s.look().editing());
        assertEquals("we", s.look().filter(), "Enter keeps it");
        s.apply(Key.of(Type.ESC), ROWS, PAGE);
        assertEquals("", s.look().filter(), "Esc clears a kept filter");

        s = after(Key.ch('/'), Key.ch('x'), Key.of(Type.ESC));
        assertEquals("", s.look().filter());
        assertFalse(s.look().editing());
        s = after(Key.ch('/'), Key.ch('x'), Key.ch('y'), Key.of(Type.CLEAR_LINE));
        assertEquals("", s.look().filter());
        assertTrue(s.look().editing());
    }

    @Test
    void enterOpensTheSelectedContainerEscReturnsArrowsStepThrough() {
        LiveState s = after(Key.of(Type.DOWN), Key.of(Type.DOWN), Key.of(Type.ENTER));
        assertEquals("default/c3", s.detailKey());
        assertEquals(Outcome.NONE, s.apply(Key.ch('c'), ROWS, PAGE), "sort keys do nothing in the detail");
        s.apply(Key.of(Type.DOWN), ROWS, PAGE);
        assertEquals("default/c4", s.detailKey());
        assertEquals(Outcome.REDRAW, s.apply(Key.of(Type.ESC), ROWS, PAGE));
        assertNull(s.detailKey());
        assertEquals("default/c4", s.selectedKey(), "back on the row last shown");
        assertEquals(Outcome.NONE, new LiveState(false).apply(Key.of(Type.ENTER), List.of(), PAGE), "no rows: nothing opens");
    }

    @Test
    void aTogglesStoppedSortKeysSortAndReverse() {
        LiveState s = after(Key.ch('a'));
        assertTrue(s.look().showAll());
        s.apply(Key.ch('a'), ROWS, PAGE);
        assertFalse(s.look().showAll());
        s.apply(Key.ch('n'), ROWS, PAGE);
        assertEquals(SortKey.NAME, s.look().sort());
        assertFalse(s.look().reversed());
        s.apply(Key.ch('n'), ROWS, PAGE);
        assertTrue(s.look().reversed(), "the same key again reverses");
        s.apply(Key.ch('r'), ROWS, PAGE);
        assertFalse(s.look().reversed());
    }

    @Test
    void quitsOnQCtrlCAndEofEverywhereButWhileTyping() {
        assertEquals(Outcome.QUIT, after().apply(Key.ch('q'), ROWS, PAGE));
        assertEquals(Outcome.QUIT, after().apply(Key.of(Type.INTERRUPT), ROWS, PAGE));
        assertEquals(Outcome.QUIT, after().apply(Key.of(Type.EOF), ROWS, PAGE));
        assertEquals(Outcome.QUIT, after(Key.of(Type.ENTER)).apply(Key.ch('q'), ROWS, PAGE), "from the detail");
        assertEquals(Outcome.QUIT, after(Key.ch('/')).apply(Key.of(Type.INTERRUPT), ROWS, PAGE), "Ctrl-C while typing");
        assertEquals(Outcome.REDRAW, after(Key.ch('/')).apply(Key.ch('q'), ROWS, PAGE));
    }
}
