package dev.dockstat.cli.render.template;

/** One lexical item of a template; {@code pos} is the index of its first character. */
record Token(Kind kind, int pos, String text, int line) {

    enum Kind {
        ERROR, EOF, TEXT, COMMENT, LEFT_DELIM, RIGHT_DELIM, SPACE, ASSIGN, DECLARE, PIPE, LEFT_PAREN, RIGHT_PAREN,
        CHAR, STRING, RAW_STRING, CHAR_CONSTANT, NUMBER, BOOL, DOT, FIELD, VARIABLE, IDENTIFIER,
        // keywords
        BLOCK, BREAK, CONTINUE, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean keyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** As Go's parser names an item in messages: {@code EOF}, {@code <if>}, {@code "}}"}, {@code "abcdefghij"...}. */
    @Override
    public String toString() {
        if (kind == Kind.EOF) {
            return "EOF";
        } else if (kind == Kind.ERROR) {
            return text;
        } else if (kind.keyword()) {
            return "<" + text + ">";
        } else if (text.codePointCount(0, text.length()) > 10) {
            return GoFormat.quote(text.substring(0, text.offsetByCodePoints(0, 10))) + "...";
        }
        return GoFormat.quote(text);
    }
}
