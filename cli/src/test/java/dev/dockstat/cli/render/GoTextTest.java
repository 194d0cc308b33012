package dev.dockstat.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.cli.render.template.GoFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GoTextTest {

    @Test
    void humanDurationAsGoUnits() {
        assertEquals("Less than a second", GoText.humanDuration(Duration.ofMillis(999)));
        assertEquals("1 second", GoText.humanDuration(Duration.ofSeconds(1)));
        assertEquals("59 seconds", GoText.humanDuration(Duration.ofSeconds(59)));
        assertEquals("About a minute", GoText.humanDuration(Duration.ofSeconds(119)));
        assertEquals("2 minutes", GoText.humanDuration(Duration.ofSeconds(120)));
        assertEquals("59 minutes", GoText.humanDuration(Duration.ofMinutes(59)));
        assertEquals("About an hour", GoText.humanDuration(Duration.ofMinutes(89)));
        assertEquals("2 hours", GoText.humanDuration(Duration.ofMinutes(90)), "hours are rounded");
        assertEquals("47 hours", GoText.humanDuration(Duration.ofHours(47)));
        assertEquals("2 days", GoText.humanDuration(Duration.ofHours(48)));
        assertEquals("2 weeks", GoText.humanDuration(Duration.ofDays(14)));
        assertEquals("2 months", GoText.humanDuration(Duration.ofDays(60)));
        assertEquals("2 years", GoText.humanDuration(Duration.ofDays(730)));
    }

    @Test
    void goTimeStringInTheLocalZone() {
        Instant t = Instant.ofEpochSecond(1795430182);
        assertEquals("2026-11-23 10:36:22 +0000 UTC", GoText.goTime(t, ZoneId.of("UTC")));
        assertEquals("2026-11-23 11:36:22 +0100 CET", GoText.goTime(t, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void commandsAreCutAndQuotedAsDockerPs() {
        assertEquals("\"sh -c 'dd if=/dev/z…\"", GoFormat.quote(GoText.ellipsis("sh -c 'dd if=/dev/zero of=/f bs=1k count=150'", 20)));
        assertEquals("\"sleep 100000\"", GoFormat.quote(GoText.ellipsis("sleep 100000", 20)));
        assertEquals("\"a\\\"b\\\\c\\n\\x01\"", GoFormat.quote("a\"b\\c\n\u0001"));
    }

    @Test
    void idsLoseTheirAlgorithmAndAreCutTo12() {
        assertEquals("f4baa7964043", GoText.truncateId("sha256:f4baa7964043fb74d9f5fecc81df4a462f7c974a6816d6f9b7c83e74b2b8a6eb"));
        assertEquals("abc", GoText.truncateId("abc"));
    }

    @Test
    void imageReferencesInTheirFamiliarForm() {
        assertEquals("nginx", ImageReference.parse("docker.io/library/nginx:1.25").familiarName());
        assertEquals("1.25", ImageReference.parse("nginx:1.25").tag());
        assertEquals("local/busybox", ImageReference.parse("local/busybox:latest").familiarName());
        assertEquals("registry:5000/team/app", ImageReference.parse("registry:5000/team/app:v1").familiarName());
        assertEquals("nginx:1.25", ImageReference.parse("nginx:1.25@sha256:" + "a".repeat(64)).familiarWithoutDigest());
        assertEquals(null, ImageReference.parse("web/Case"), "upper case only in a registry name");
        assertEquals("UPPER", ImageReference.parse("UPPER/case").domain());
    }

    @Test
    void portsAsDockerPsShowsThem() {
        var p = java.util.List.of(
                new dev.dockstat.core.df.DiskUsage.Port("0.0.0.0", 80, 8080, "tcp"),
                new dev.dockstat.core.df.DiskUsage.Port(null, 9000, 0, "tcp"),
                new dev.dockstat.core.df.DiskUsage.Port(null, 9001, 0, "tcp"),
                new dev.dockstat.core.df.DiskUsage.Port(null, 9002, 0, "tcp"),
                new dev.dockstat.core.df.DiskUsage.Port("127.0.0.1", 443, 443, "tcp"),
                new dev.dockstat.core.df.DiskUsage.Port(null, 53, 0, "udp"));
        assertEquals("53/udp, 127.0.0.1:443->443/tcp, 9000-9002/tcp, 0.0.0.0:8080->80/tcp", DockerPorts.display(p));
    }
}
