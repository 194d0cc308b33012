package dev.dockstat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What this build is (version, git commit, build date, written into version.properties by the build)
 * and what it runs on. "unknown" where the build could not tell (sources without git).
 */
public record BuildInfo(String version, String commit, String built) {

    /** The build information in the jar; loads nothing beyond the properties file. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(known(p.getProperty("version")), known(p.getProperty("commit")), known(p.getProperty("built")));
    }

    /** An unfiltered placeholder (a build that skipped resource filtering) reads as unknown. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    /**
     * The JVM and where it comes from: "bundled" when it is the release bundle's own runtime (the jar
     * in lib/, the runtime in runtime/ beside it), else the home of the JDK the launcher chose.
     */
    public static String runtime() {
        String home = System.getProperty("java.home");
        String vm = System.getProperty("java.vm.name") + " " + Runtime.version();
        return vm + (isBundled(home) ? " (bundled runtime)" : " (JDK " + home + ")");
    }

    static boolean isBundled(String javaHome) {
        try {
            Path jar = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            return lib != null && lib.getFileName() != null && lib.getFileName().toString().equals("lib")
                    && lib.resolveSibling("runtime").normalize().equals(Path.of(javaHome).normalize());
        } catch (URISyntaxException | RuntimeException e) {
            return false; // a class source that is not a file: not the bundle's layout
        }
    }
}
