package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher as built: the AOT cache the build trains is used when it fits and ignored without a
 * word when it does not (a rebuilt jar, a damaged file), so a run's stderr stays empty either way.
 */
class LauncherIT {

    static final Path TARGET = Path.of("target").toAbsolutePath();

    record Run(int code, String out, String err) {}

    static Run run(Path launcher, String... args) throws Exception {
        return run(java.util.Map.of(), launcher, args);
    }

    static Run run(java.util.Map<String, String> env, Path launcher, String... args) throws Exception {
        Path err = Files.createTempFile("dst-cli-launcher", ".err");
        Path out = Files.createTempFile("dst-cli-launcher", ".out");
        ProcessBuilder pb = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of(launcher.toString()),
                java.util.Arrays.stream(args)).toList()).redirectError(err.toFile()).redirectOutput(out.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("DOCKSTAT_JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(err);
        Files.delete(out);
        return r;
    }

    @Test
    void versionAndTrainingAreQuiet() throws Exception {
        Run version = run(Launched.LAUNCHER, "--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("dockstat "), version.out());
        assertEquals("", version.err());
        Run train = run(Launched.LAUNCHER, "__train");
        assertEquals(new Run(0, "", ""), train);
    }

    /**
     * The launchers find the install from a symlink to them (as a link in /usr/local/bin or
     * Dockhand's /app/bin/collection-worker would be), and from a relative path in another
     * working directory; they follow a link with readlink and otherwise fork nothing to find it.
     */
    @Test
    void aLinkOrARelativePathFindsTheInstall() throws Exception {
        Path links = Files.createTempDirectory("dst-cli-links");
        Files.createSymbolicLink(links.resolve("dockstat"), TARGET.resolve("bin/dockstat"));
        Files.createSymbolicLink(links.resolve("collection-worker"), TARGET.resolve("bin/collection-worker"));
        Run linked = run(links.resolve("dockstat"), "--version");
        assertEquals(0, linked.code(), linked.err());
        assertTrue(linked.out().startsWith("dockstat "), linked.out());
        Run worker = run(links.resolve("collection-worker")); // as Dockhand runs it: no arguments, stdin at EOF here
        assertEquals(new Run(0, "{\"type\":\"ready\"}\n", "[dockstat] stdin closed: stopped\n"), worker);

        Path shell = Path.of("/bin/bash");
        Run relative = run(shell, "-c", "cd " + TARGET.getParent() + " && target/bin/dockstat --version && cd target/bin && ./dockstat --version");
        assertEquals(0, relative.code(), relative.err());
        assertEquals(2, relative.out().lines().filter(l -> l.startsWith("dockstat ")).count(), relative.out());
        TestBed.exec(List.of("rm", "-rf", links.toString()), Duration.ofSeconds(10));
    }

    /** find-jdk reads each JDK's release file: a home that is too old or has no java is passed over. */
    @Test
    void theJdkChoiceSkipsWhatCannotRunDockstat() throws Exception {
        Path findJdk = TARGET.resolve("bin/find-jdk");
        String newest = run(findJdk).out().strip();
        assertTrue(Files.isExecutable(Path.of(newest, "bin/java")), "the newest JDK under /usr/lib/jvm: " + newest);

        Path jdks = Files.createTempDirectory("dst-cli-jdks");
        Path old = fakeJdk(jdks.resolve("old"), "1.8.0_292", true);
        Path noJava = fakeJdk(jdks.resolve("nojava"), "26.0.1", false);
        Path fits = fakeJdk(jdks.resolve("fits"), "21.0.4+7", true);
        assertEquals(newest, run(java.util.Map.of("DOCKSTAT_JAVA_HOME", old.toString()), findJdk).out().strip());
        assertEquals(newest, run(java.util.Map.of("JAVA_HOME", noJava.toString()), findJdk).out().strip());
        assertEquals(fits.toString(), run(java.util.Map.of("JAVA_HOME", fits.toString()), findJdk).out().strip());
        TestBed.exec(List.of("rm", "-rf", jdks.toString()), Duration.ofSeconds(10));
    }

    private static Path fakeJdk(Path home, String version, boolean withJava) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        if (withJava) {
            Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
            home.resolve("bin/java").toFile().setExecutable(true);
        }
        return home;
    }

    /** serve-ipc with stdin at EOF: ready on stdout, and on stderr only its own line (its VM warnings go there too). */
    private static void assertWorkerQuiet(Path launcher, String what) throws Exception {
        Run worker = run(launcher, "serve-ipc");
        assertEquals(0, worker.code(), worker.err());
        assertEquals("{\"type\":\"ready\"}\n", worker.out(), what);
        assertEquals("[dockstat] stdin closed: stopped\n", worker.err(), what + " is skipped silently");
    }

    /** A copy of the install whose cache no longer fits its jar, then one whose cache is garbage. */
    @Test
    void aStaleOrBrokenCacheNeverPollutesARun() throws Exception {
        assumeTrue(Files.exists(TARGET.resolve("dockstat.aot")), "the build made an AOT cache (JDK 25+)");
        Path copy = Files.createTempDirectory("dst-cli-install");
        Files.createDirectories(copy.resolve("bin"));
        for (String f : List.of("dockstat", "find-jdk")) {
            Files.copy(TARGET.resolve("bin").resolve(f), copy.resolve("bin").resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.copy(TARGET.resolve("dockstat.jar"), copy.resolve("dockstat.jar"));
        List<String> caches = List.of("dockstat.aot", "dockstat-start.aot", "dockstat-ipc.aot");
        for (String cache : caches) {
            if (Files.exists(TARGET.resolve(cache))) {
                Files.copy(TARGET.resolve(cache), copy.resolve(cache));
            }
        }
        Path launcher = copy.resolve("bin/dockstat");

        Files.setLastModifiedTime(copy.resolve("dockstat.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"stats", "--help"})) {
            Run stale = run(launcher, args);
            assertEquals(0, stale.code(), stale.err());
            assertEquals("", stale.err(), "a cache for another jar is skipped silently: " + args[0]);
        }
        assertWorkerQuiet(launcher, "a worker cache for another jar");

        for (String cache : caches) {
            Files.write(copy.resolve(cache), new byte[] {1, 2, 3, 4});
        }
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"stats", "--help"})) {
            Run broken = run(launcher, args);
            assertEquals(0, broken.code(), broken.err());
            assertEquals("", broken.err(), "a damaged cache is skipped silently: " + args[0]);
            assertTrue(broken.out().startsWith(args[0].equals("--version") ? "dockstat " : "Usage: dockstat stats"), broken.out());
        }
        assertWorkerQuiet(launcher, "a damaged worker cache");
        TestBed.exec(List.of("rm", "-rf", copy.toString()), Duration.ofSeconds(10));
    }
}
