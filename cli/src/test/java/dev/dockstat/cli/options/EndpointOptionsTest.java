package dev.dockstat.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.core.env.Environment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EndpointOptionsTest {

    @CommandLine.Command(name = "t")
    static final class Host {
        @CommandLine.Mixin
        EndpointOptions endpoint;
    }

    static List<String> names(Map<String, String> given, String... args) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(given);
        env.put("HOME", "/nonexistent-dockstat-home");
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        host.endpoint.processEnvironment(env);
        return host.endpoint.environments().stream().map(Environment::name).toList();
    }

    @Test
    void repeatedHostsAreSeveralEnginesInTheOrderGiven() throws Exception {
        assertEquals(List.of("unix:///a.sock", "tcp://h:2375"), names(Map.of(), "-H", "unix:///a.sock", "--host", "tcp://h:2375"));
    }

    @Test
    void namedEnvironmentsComeFromXdgConfigHomeWhenItIsSet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path xdg) throws Exception {
        java.nio.file.Files.createDirectories(xdg.resolve("dockstat"));
        java.nio.file.Files.writeString(xdg.resolve("dockstat/environments.yaml"), "environments:\n  lab: {host: tcp://127.0.0.1:7}\n");
        assertEquals(List.of("lab"), names(Map.of("XDG_CONFIG_HOME", xdg.toString()), "--env", "lab"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.dockstat.core.env.EnvironmentException.class,
                () -> names(Map.of(), "--env", "lab"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("/nonexistent-dockstat-home/.config/dockstat/environments.yaml"),
                "without XDG_CONFIG_HOME: ~/.config; " + e.getMessage());
    }

    @Test
    void withoutHostDockerHostThenTheDefaultSocket() throws Exception {
        assertEquals(List.of("tcp://h:2375"), names(Map.of("DOCKER_HOST", "tcp://h:2375")));
        assertEquals(List.of("default"), names(Map.of()));
    }
}
