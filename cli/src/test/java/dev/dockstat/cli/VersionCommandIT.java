package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** dockstat version (client and engine parts, as docker version lays them out) and --version. */
class VersionCommandIT {

    /** The version the build gave the poms, passed by failsafe (see the cli pom). */
    static final String VERSION = System.getProperty("dockstat.version", "0.2.0");

    @Test
    void clientAndServerParts() {
        TestBed.get();
        InProcess r = InProcess.run("version");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertTrue(out.startsWith("Client:\n Version:     " + VERSION + "\n"), out);
        assertTrue(Pattern.compile("(?m)^ Git commit:  [0-9a-f]{7,40}(-dirty)?$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^ Built:       \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$").matcher(out).find(), out);
        assertTrue(out.contains(" Runtime:     " + System.getProperty("java.vm.name") + " " + Runtime.version() + " (JDK "), out);
        assertTrue(out.contains("\nServer: unix:///var/run/docker.sock"), out);
        assertTrue(out.contains("\n Version:     " + TestBed.docker("version", "--format", "{{.Server.Version}}").strip() + "\n"), out);
        assertTrue(out.contains("\n API version: " + TestBed.docker("version", "--format", "{{.Server.APIVersion}}").strip()
                + " (minimum version " + TestBed.docker("version", "--format", "{{.Server.MinAPIVersion}}").strip() + ")\n"), out);
        assertTrue(out.contains("\n OS/Arch:     linux/amd64\n"), out);
    }

    @Test
    void anEngineThatDoesNotAnswerLeavesTheClientPartAndOneLine() {
        InProcess r = InProcess.run("version", "-H", "unix:///nonexistent/docker.sock");
        assertEquals(ExitCodes.RUNTIME, r.code());
        assertTrue(r.out().startsWith("Client:\n Version:     " + VERSION + "\n"), r.out());
        assertTrue(!r.out().contains("Server:"), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("/nonexistent/docker.sock"), r.err());
    }

    @Test
    void versionOptionNamesBuildAndRuntime() {
        InProcess r = InProcess.run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(Pattern.compile("^dockstat " + Pattern.quote(VERSION)
                + " \\(commit [0-9a-f]{7,40}(-dirty)?, built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\nRuntime: .+ \\(JDK .+\\)\n$")
                .matcher(r.out()).matches(), r.out());
    }
}
