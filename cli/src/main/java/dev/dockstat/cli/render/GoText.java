package dev.dockstat.cli.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small Go and docker-CLI text helpers the docker formatters are made of. */
public final class GoText {

    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx ");

    private GoText() {}

    /** go-units {@code HumanDuration}: {@code Less than a second}, {@code About a minute}, {@code 3 hours} ... */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toNanos() / 3_600_000_000_000.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /** {@code units.HumanDuration(now - then) + " ago"}, as docker's CREATED columns. */
    public static String ago(Instant then, Instant now) {
        return humanDuration(Duration.between(then, now)) + " ago";
    }

    /** Go's {@code time.Time.String()} for a whole-second time: {@code 2026-11-23 10:36:22 +0000 UTC}. */
    public static String goTime(Instant t, ZoneId zone) {
        var local = t.atZone(zone);
        String name = zone.normalized().equals(ZoneOffset.UTC) ? "UTC"
                : DateTimeFormatter.ofPattern("zzz").format(local);
        return GO_TIME.format(local) + name;
    }

    /** docker's {@code stringid.TruncateID}: without the {@code sha256:} prefix, 12 characters. */
    public static String truncateId(String id) {
        int colon = id.indexOf(':');
        String bare = colon >= 0 ? id.substring(colon + 1) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /** docker's {@code Ellipsis}: at most {@code width} characters, the last one {@code …} when cut. */
    public static String ellipsis(String s, int width) {
        if (s.codePointCount(0, s.length()) <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }
}
