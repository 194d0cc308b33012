package dev.dockstat.cli.live;

import java.util.Map;
import org.jline.utils.AttributedStyle;

/**
 * How the live view marks things: colours and attributes, or nothing at all when {@code NO_COLOR}
 * is set (no-color.org: present and not empty). Without attributes the screen still says everything:
 * the sorted column has its arrow, the selected row its {@code >}, stopped rows their status.
 */
public record Styles(AttributedStyle title, AttributedStyle header, AttributedStyle sorted, AttributedStyle spark,
        AttributedStyle hot, AttributedStyle warm, AttributedStyle stale, AttributedStyle notice, AttributedStyle key,
        AttributedStyle selected, AttributedStyle label) {

    public static final Styles COLOR = new Styles(
            AttributedStyle.BOLD,
            AttributedStyle.INVERSE,
            AttributedStyle.INVERSE.bold().underline(),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold(),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW),
            AttributedStyle.DEFAULT.faint(),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
            AttributedStyle.INVERSE,
            AttributedStyle.DEFAULT.background(AttributedStyle.BLUE).foreground(AttributedStyle.WHITE).bold(),
            AttributedStyle.BOLD);

    private static final AttributedStyle NONE = AttributedStyle.DEFAULT;
    public static final Styles PLAIN = new Styles(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE);

    /** {@link #PLAIN} when the environment has a non-empty {@code NO_COLOR}, else {@link #COLOR}. */
    public static Styles of(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? PLAIN : COLOR;
    }

    public boolean plain() {
        return this == PLAIN || equals(PLAIN);
    }
}
