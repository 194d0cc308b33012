package dev.dockstat.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dockstat.cli.Golden;
import dev.dockstat.core.api.Json;
import dev.dockstat.core.df.DiskUsage;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** docker system df output from a /system/df body of the test bed (pinned; DfCommandIT compares with docker itself). */
class DiskUsageFormatTest {

    static final DiskUsageFormat AT = new DiskUsageFormat(Instant.ofEpochSecond(1_795_433_000L), ZoneId.of("UTC"));

    static DiskUsage body() throws Exception {
        try (InputStream in = DiskUsageFormatTest.class.getResourceAsStream("/dev/dockstat/cli/train/df.json")) {
            return Json.MAPPER.readValue(in, DiskUsage.class);
        }
    }

    @Test
    void summaryTable() throws Exception {
        Golden.assertMatches("df/summary.txt", AT.summary(body(), DiskUsageFormat.summaryFormat("table")));
    }

    @Test
    void summaryJsonLinesAndTemplates() throws Exception {
        String json = AT.summary(body(), DiskUsageFormat.summaryFormat("json"));
        assertEquals("{\"Active\":\"0\",\"Reclaimable\":\"0B\",\"Size\":\"0B\",\"TotalCount\":\"0\",\"Type\":\"Build Cache\"}",
                json.lines().toList().get(3));
        Golden.assertMatches("df/summary.json", json);
        Golden.assertMatches("df/summary-template.txt", AT.summary(body(), DiskUsageFormat.summaryFormat("{{.Type}}: {{.Reclaimable}}")));
    }

    @Test
    void verboseTables() throws Exception {
        Golden.assertMatches("df/verbose.txt", AT.verboseTables(body()));
    }

    @Test
    void verboseJsonHasNoFinalNewlineAsDocker() throws Exception {
        String json = AT.verboseJson(body());
        Golden.assertMatches("df/verbose.json", json);
        assertFalse(json.endsWith("\n"));
        Json.MAPPER.readTree(json); // well-formed
    }
}
