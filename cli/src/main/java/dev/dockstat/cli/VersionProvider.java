package dev.dockstat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code dockstat --version}: the build's version and the JVM it runs on. Loads nothing else. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "dockstat " + p.getProperty("version", "unknown"),
            "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version(),
        };
    }
}
