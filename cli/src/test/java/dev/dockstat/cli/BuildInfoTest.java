package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --version and dockstat version say about the build and the runtime. */
class BuildInfoTest {

    @Test
    void theBundlesRuntimeIsTheOneWithTheJarBesideIt(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("dockstat-0.2.0-linux-x86_64");
        Files.createDirectories(bundle.resolve("runtime"));
        Files.createDirectories(bundle.resolve("lib"));
        assertFalse(BuildInfo.isBundled(bundle.resolve("runtime").toString()), "no jar yet");
        Files.writeString(bundle.resolve("lib/dockstat.jar"), "");
        assertTrue(BuildInfo.isBundled(bundle.resolve("runtime").toString()));
        Files.createDirectories(dir.resolve("jvm/temurin-25/lib"));
        Files.writeString(dir.resolve("jvm/temurin-25/lib/dockstat.jar"), "");
        assertFalse(BuildInfo.isBundled(dir.resolve("jvm/temurin-25").toString()), "a JDK is not the bundle's runtime");
        assertFalse(BuildInfo.isBundled(System.getProperty("java.home")));
    }

    @Test
    void whatTheBuildCouldNotTellIsUnknown() {
        assertEquals("unknown", BuildInfo.known(null));
        assertEquals("unknown", BuildInfo.known(""));
        assertEquals("unknown", BuildInfo.known("${build.commit}"));
        assertEquals("0123456789ab-dirty", BuildInfo.known("0123456789ab-dirty"));
        BuildInfo current = BuildInfo.current();
        assertFalse(current.version().equals("unknown") || current.version().endsWith("SNAPSHOT"), current.toString());
    }
}
