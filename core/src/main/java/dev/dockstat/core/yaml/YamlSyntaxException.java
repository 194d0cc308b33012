package dev.dockstat.core.yaml;

/** A file that is not YAML, or a YAML mistake dockstat refuses (a duplicate key), with its place. */
public final class YamlSyntaxException extends Exception {

    private final YamlTree.Position at;

    public YamlSyntaxException(YamlTree.Position at, String message) {
        super(at + ": " + message);
        this.at = at;
    }

    public YamlTree.Position at() {
        return at;
    }

    /** The message without the place. */
    public String problem() {
        return getMessage().substring(at.toString().length() + 2);
    }
}
