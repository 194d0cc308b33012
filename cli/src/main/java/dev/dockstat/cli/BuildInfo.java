package dev.dockstat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    static String known(String value) {
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

    /**
     * The launcher's own rule: a runtime with lib/dockstat.jar beside it is the bundle's. (Not the jar's
     * code source: classes from an AOT cache keep the path the cache was trained at.)
     */
    static boolean isBundled(String javaHome) {
        try {
            Path home = Path.of(javaHome);
            return home.getFileName() != null && home.getFileName().toString().equals("runtime")
                    && Files.isRegularFile(home.resolveSibling("lib").resolve("dockstat.jar"));
        } catch (RuntimeException e) {
            return false; // a java.home that is not a path: not the bundle's layout
        }
    }
}
