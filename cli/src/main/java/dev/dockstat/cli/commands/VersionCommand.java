package dev.dockstat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.cli.BuildInfo;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code dockstat version}: this build and its runtime (the Client part), then the engine's version
 * and API versions (the Server part), as {@code docker version} lays them out. An engine that does
 * not answer leaves the Client part printed and fails with one line (exit 1).
 */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Show dockstat's version, commit, build date and runtime, and the engine's version.",
        footer = {"", "Examples:", "  dockstat version", "  dockstat version -H tcp://127.0.0.1:2375"})
public final class VersionCommand extends EngineCommand {

    /** The engine's /version body is a few hundred bytes; anything near this is not an engine. */
    private static final int MAX_BODY = 1 << 20;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        BuildInfo build = BuildInfo.current();
        out.println("Client:");
        row(out, "Version", build.version());
        row(out, "Git commit", build.commit());
        row(out, "Built", build.built());
        row(out, "Runtime", BuildInfo.runtime());
        out.flush();
        try (DockerClient client = connect(DockerClient.PING_TIMEOUT)) {
            JsonNode v = Json.MAPPER.readTree(client.getRaw("/version", DockerClient.INFO_TIMEOUT, MAX_BODY));
            out.println();
            out.println("Server: " + client.where());
            row(out, "Version", text(v, "Version"));
            row(out, "API version", text(v, "ApiVersion") + " (minimum version " + text(v, "MinAPIVersion") + ")");
            row(out, "API used", client.version().toString());
            row(out, "OS/Arch", text(v, "Os") + "/" + text(v, "Arch"));
            row(out, "Kernel", text(v, "KernelVersion"));
            out.flush();
        }
        return 0;
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf(" %-12s %s%n", name + ":", value);
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? "unknown" : n.asText();
    }
}
