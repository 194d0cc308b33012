package dev.dockstat.cli;

import dev.dockstat.core.transport.TransportRegistry;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Where cautions from plugins (e.g. TLS verification off) go: the command's stderr, one line each. */
public final class Warnings {

    private Warnings() {}

    /** The transport plugins, their warnings routed to {@code err}. */
    public static TransportRegistry transports(PrintWriter err) {
        return TransportRegistry.load().onWarning(to(err));
    }

    public static Consumer<String> to(PrintWriter err) {
        return message -> {
            err.println("Warning: " + message);
            err.flush();
        };
    }
}
