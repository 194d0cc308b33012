package dev.dockstat.batch.run;

import dev.dockstat.batch.plan.Plan;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Turns a plan's engines into core environments, reading certificate files and secret references. */
final class PlanEnvironments {

    private final Map<String, String> processEnv;

    PlanEnvironments(Map<String, String> processEnv) {
        this.processEnv = processEnv;
    }

    Environment toEnvironment(Plan.EnvSpec spec) {
        String host = spec.host().startsWith("/") ? "unix://" + spec.host() : spec.host();
        Endpoint endpoint = Endpoint.of(host);
        if (spec.tls().isPresent()) {
            Plan.TlsSpec t = spec.tls().get();
            endpoint = endpoint.withTls(new TlsMaterial(t.ca().map(PlanEnvironments::read), t.cert().map(PlanEnvironments::read),
                    t.key().map(k -> Secret.of(k.resolve(processEnv), k.toString())), t.skipVerify(), t.serverName()));
        }
        if (spec.token().isPresent()) {
            endpoint = endpoint.withToken(Secret.of(spec.token().get().resolve(processEnv), spec.token().get().toString()));
        }
        return new Environment(spec.name(), endpoint);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
