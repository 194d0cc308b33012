package dev.dockstat.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Event lines as docker events prints them (reference output of docker CLI 28.2 on the test bed). */
class EventFormatTest {

    static final String DIE = "{\"status\":\"die\",\"id\":\"661db5085bd0\",\"from\":\"local/busybox\",\"Type\":\"container\","
            + "\"Action\":\"die\",\"Actor\":{\"ID\":\"661db5085bd0\",\"Attributes\":{\"name\":\"dst-cli-ev\",\"image\":\"local/busybox\","
            + "\"exitCode\":\"0\"}},\"scope\":\"local\",\"time\":1795431854,\"timeNano\":1795431854942084927}";
    static final String DIE_AS_GO_MARSHALS = DIE.replace("{\"name\":\"dst-cli-ev\",\"image\":\"local/busybox\",\"exitCode\":\"0\"}",
            "{\"exitCode\":\"0\",\"image\":\"local/busybox\",\"name\":\"dst-cli-ev\"}");
    static final ZoneId UTC = ZoneId.of("UTC");

    static String line(String format, String event, ZoneId zone) {
        return EventFormat.parse(format, zone).line(event.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultLineHasNanosecondTimeAndSortedAttributes() {
        assertEquals("2026-11-23T11:04:14.942084927Z container die 661db5085bd0 (exitCode=0, image=local/busybox, name=dst-cli-ev)",
                line(null, DIE, UTC));
        assertEquals("2026-11-23T12:04:14.942084927+01:00 container die 661db5085bd0 (exitCode=0, image=local/busybox, name=dst-cli-ev)",
                line("", DIE, ZoneId.of("Europe/Berlin")), "local time, as Go's time.Unix");
    }

    @Test
    void eventsWithoutAttributesOrNanosecondsStillPrint() {
        assertEquals("2026-11-23T11:04:14.000000000Z network connect abc",
                line(null, "{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"abc\"},\"time\":1795431854}", UTC));
    }

    @Test
    void jsonIsTheMessageAsGoMarshalsIt() {
        assertEquals(DIE_AS_GO_MARSHALS, line("json", DIE, UTC));
        assertEquals(DIE_AS_GO_MARSHALS, line("{{json .}}", DIE, UTC));
        assertEquals("{\"Type\":\"\",\"Action\":\"\",\"Actor\":{\"ID\":\"\",\"Attributes\":null}}", line("json", "{}", UTC),
                "omitempty fields go, the others stay");
    }

    @Test
    void templatesReachFieldsAttributesAndWholeValues() {
        assertEquals("die dst-cli-ev <no value> 1795431854", line("{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.nope}} {{.Time}}", DIE, UTC));
        assertEquals("{661db5085bd0 map[exitCode:0 image:local/busybox name:dst-cli-ev]}", line("{{.Actor}}", DIE, UTC));
        assertEquals("{\"ID\":\"661db5085bd0\",\"Attributes\":{\"exitCode\":\"0\",\"image\":\"local/busybox\",\"name\":\"dst-cli-ev\"}}",
                line("{{json .Actor}}", DIE, UTC));
        assertEquals("a\\tb", line("a\\tb", DIE, UTC), "docker events takes the template as typed");
    }

    @Test
    void unknownFieldsAndUnsupportedActionsAreRefusedUpFront() {
        assertEquals("template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *events.Message",
                assertThrows(IllegalArgumentException.class, () -> EventFormat.parse("{{.Nope}}", UTC)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventFormat.parse("{{range .}}x{{end}}", UTC))
                .getMessage().equals("template: :1:8: executing \"\" at <.>: range can't iterate over {     { map[]}  0 0}"));
    }

    @Test
    void aLineThatIsNotJsonIsNull() {
        assertEquals(null, EventFormat.parse(null, UTC).line("not json".getBytes(StandardCharsets.UTF_8)));
    }
}
