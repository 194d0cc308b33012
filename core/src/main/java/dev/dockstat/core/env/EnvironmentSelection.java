package dev.dockstat.core.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which engines the user named on the command line; all empty means "the one docker would use".
 *
 * @param hosts {@code -H/--host} values, each an engine of its own
 * @param context {@code --context}: a docker CLI context; null when not given
 * @param names {@code --env}: environments of the dockstat environments file
 * @param configFile {@code --config}: that file; null = {@code $DOCKSTAT_CONFIG}, else
 *     {@code environments.yaml} in {@code $XDG_CONFIG_HOME/dockstat} or {@code ~/.config/dockstat}
 */
public record EnvironmentSelection(List<String> hosts, String context, List<String> names, Path configFile) {

    public static final EnvironmentSelection DEFAULT = new EnvironmentSelection(List.of(), null, List.of(), null);

    public EnvironmentSelection {
        hosts = List.copyOf(Objects.requireNonNullElse(hosts, List.of()));
        names = List.copyOf(Objects.requireNonNullElse(names, List.of()));
        context = context == null || context.isBlank() ? null : context.strip();
    }

    public static EnvironmentSelection host(String host) {
        return new EnvironmentSelection(host == null ? List.of() : List.of(host), null, List.of(), null);
    }
}
