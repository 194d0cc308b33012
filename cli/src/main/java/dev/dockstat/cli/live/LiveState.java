package dev.dockstat.cli.live;

import java.util.List;

/**
 * What the user has chosen in the live view: sort, stopped containers shown or not, the filter
 * (and whether it is being typed), the selected row, the scroll position, and the container whose
 * detail is open. Keys change it ({@link #apply}); the rows it applies to come from the caller, so
 * it is tested without a terminal or an engine. One thread (the view's).
 *
 * <p>Once the user has moved the selection it is kept by container (a {@link LiveFrame.Line#key()}),
 * so it stays on the same container when rows re-sort between refreshes; when that container
 * leaves, the selection stays at the same position. Before that (and after a new filter) it stays
 * on the first row, so a list that re-sorts itself does not scroll on its own.
 */
public final class LiveState {

    /** What a key did. */
    public enum Outcome { NONE, REDRAW, QUIT }

    private SortKey sort = SortKey.CPU;
    private boolean reversed;
    private boolean showAll;
    private String filter = "";
    private boolean editing;
    private String selectedKey;
    /** The user chose the selected container: follow it through re-sorts. */
    private boolean follow;
    private int selected;
    private int top;
    private String detailKey;

    public LiveState(boolean showAll) {
        this.showAll = showAll;
    }

    /** A snapshot for one frame. */
    public LiveFrame.Look look() {
        return new LiveFrame.Look(sort, reversed, showAll, filter, editing, top, selectedKey);
    }

    public String detailKey() {
        return detailKey;
    }

    public int top() {
        return top;
    }

    public int selected() {
        return selected;
    }

    public String selectedKey() {
        return selectedKey;
    }

    /**
     * Applies a key.
     *
     * @param keys the rows on screen now ({@link LiveFrame#visible}), in order
     * @param page how many rows fit on the screen (PgUp/PgDn move by that much)
     */
    public Outcome apply(Key key, List<String> keys, int page) {
        switch (key.type()) {
            case INTERRUPT, EOF -> {
                return Outcome.QUIT;
            }
            case UP -> move(keys, selectedIndex(keys) - 1);
            case DOWN -> move(keys, selectedIndex(keys) + 1);
            case PAGE_UP -> move(keys, selectedIndex(keys) - Math.max(1, page));
            case PAGE_DOWN -> move(keys, selectedIndex(keys) + Math.max(1, page));
            case HOME -> move(keys, 0);
            case END -> move(keys, keys.size() - 1);
            default -> {
                return detailKey != null ? detailKey(key) : editing ? filterKey(key) : listKey(key, keys);
            }
        }
        if (detailKey != null && selectedKey != null) {
            detailKey = selectedKey; // up and down in the detail step through the containers
        }
        return Outcome.REDRAW;
    }

    private Outcome detailKey(Key key) {
        if (key.is('q') || key.is('Q')) {
            return Outcome.QUIT;
        }
        if (key.type() == Key.Type.ESC || key.type() == Key.Type.BACKSPACE || key.type() == Key.Type.LEFT) {
            detailKey = null;
            return Outcome.REDRAW;
        }
        return Outcome.NONE;
    }

    private Outcome filterKey(Key key) {
        switch (key.type()) {
            case CHAR -> filter += key.ch();
            case BACKSPACE -> filter = filter.isEmpty() ? filter : filter.substring(0, filter.length() - 1);
            case CLEAR_LINE -> filter = "";
            case ENTER -> editing = false;
            case ESC -> {
                filter = "";
                editing = false;
            }
            default -> {
                return Outcome.NONE;
            }
        }
        if (key.type() != Key.Type.ENTER) {
            toFirstRow(); // as the filter changes, the best match is the first row
        }
        return Outcome.REDRAW;
    }

    private Outcome listKey(Key key, List<String> keys) {
        if (key.type() == Key.Type.ENTER) {
            int i = selectedIndex(keys);
            if (i < 0) {
                return Outcome.NONE;
            }
            detailKey = keys.get(i);
            selectedKey = detailKey;
            follow = true; // opened: chosen, and still selected on the way back
            return Outcome.REDRAW;
        }
        if (key.type() == Key.Type.ESC) {
            if (filter.isEmpty()) {
                return Outcome.NONE;
            }
            filter = "";
            return Outcome.REDRAW;
        }
        if (key.type() != Key.Type.CHAR) {
            return Outcome.NONE;
        }
        char c = key.ch();
        if (c == 'q' || c == 'Q') {
            return Outcome.QUIT;
        }
        if (c == '/') {
            editing = true;
            filter = "";
            toFirstRow();
            return Outcome.REDRAW;
        }
        if (c == 'a') {
            showAll = !showAll;
            return Outcome.REDRAW;
        }
        if (c == 'r') {
            reversed = !reversed;
            return Outcome.REDRAW;
        }
        SortKey picked = SortKey.forKey(c);
        if (picked != null) {
            reversed = picked == sort && !reversed;
            sort = picked;
            return Outcome.REDRAW;
        }
        return Outcome.NONE;
    }

    private void toFirstRow() {
        selectedKey = null;
        follow = false;
        selected = 0;
        top = 0;
    }

    private int selectedIndex(List<String> keys) {
        if (keys.isEmpty()) {
            return -1;
        }
        int i = selectedKey == null || !follow ? -1 : keys.indexOf(selectedKey);
        return i >= 0 ? i : Math.min(selected, keys.size() - 1);
    }

    private void move(List<String> keys, int to) {
        if (keys.isEmpty()) {
            return;
        }
        selected = Math.max(0, Math.min(keys.size() - 1, to));
        selectedKey = keys.get(selected);
        follow = true;
    }

    /**
     * Fits the selection and the scroll position to the rows there are now and the room the screen
     * has: the selection on a row that exists, and the first row shown such that the selection is
     * visible and no room is wasted below the last row.
     *
     * @param rows how many rows fit ({@link LiveFrame#rowsFitting})
     */
    public void fit(List<String> keys, int rows) {
        if (keys.isEmpty()) {
            selected = 0;
            top = 0;
            return; // the key is kept: the container may come back (an engine that returns)
        }
        int i = selectedIndex(keys);
        selected = i;
        selectedKey = keys.get(i);
        int room = Math.max(1, rows);
        if (i < top) {
            top = i;
        } else if (i >= top + room) {
            top = i - room + 1;
        }
        top = Math.max(0, Math.min(top, keys.size() - room));
    }
}
