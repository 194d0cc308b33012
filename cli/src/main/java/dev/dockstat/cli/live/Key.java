package dev.dockstat.cli.live;

/**
 * One decoded key press of the live view: what {@link KeyDecoder} makes of the bytes a terminal
 * sends, before anything decides what the key does ({@link LiveState}).
 *
 * @param type the key
 * @param ch the character, for {@link Type#CHAR} only (0 otherwise)
 */
public record Key(Type type, char ch) {

    /** The keys the view tells apart; everything else is {@link #UNKNOWN}. */
    public enum Type { CHAR, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESC, BACKSPACE, CLEAR_LINE, INTERRUPT, EOF, UNKNOWN }

    public static Key of(Type type) {
        return new Key(type, '\0');
    }

    public static Key ch(char c) {
        return new Key(Type.CHAR, c);
    }

    public boolean is(char c) {
        return type == Type.CHAR && ch == c;
    }
}
