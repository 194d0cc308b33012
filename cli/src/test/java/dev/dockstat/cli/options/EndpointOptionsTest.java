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
    void withoutHostDockerHostThenTheDefaultSocket() throws Exception {
        assertEquals(List.of("tcp://h:2375"), names(Map.of("DOCKER_HOST", "tcp://h:2375")));
        assertEquals(List.of("default"), names(Map.of()));
    }
}
