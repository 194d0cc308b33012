package dev.dockstat.cli;

/** What dockstat's exit status means. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The engine failed, or something at run time did. */
    public static final int RUNTIME = 1;
    /** The command line (or a plan file) is wrong. */
    public static final int USAGE = 2;
    /** Some engines or jobs failed, others succeeded. */
    public static final int PARTIAL = 3;

    private ExitCodes() {}
}
