package dev.dockstat.cli.render.template;

/**
 * A template that cannot be parsed or executed, with Go's one-line message
 * ({@code template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type ...}).
 */
public final class TemplateException extends IllegalArgumentException {

    private final boolean dataDependent;

    TemplateException(String message, boolean dataDependent) {
        super(message.replace("\r", "\\r").replace("\n", "\\n")); // one line, whatever text the node quotes
        this.dataDependent = dataDependent;
    }

    /**
     * Whether the failure may come from the values rather than the template (an index out of range,
     * a failed call): a check against an empty value must not refuse the template for it.
     */
    public boolean dataDependent() {
        return dataDependent;
    }
}
