package dev.dockstat.batch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.source.SourceChoice;
import dev.dockstat.core.yaml.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    static PlanReader.Result read(String yaml) {
        return new PlanReader(Map.of("TOKEN", "t")).read(Path.of("p.yaml"), yaml, new Problems());
    }

    static final String MINIMAL = """
            environments:
              local: {host: unix:///var/run/docker.sock}
            jobs:
              - name: s
                stats: {interval: 2s, duration: 30s}
                output: {path: "out/{env}/s.csv"}
            """;

    @Test
    void aValidPlanReadsIntoRecords() {
        PlanReader.Result r = read(MINIMAL);
        assertTrue(r.ok(), () -> String.join("\n", r.problems().lines()));
        Plan.Job job = r.plan().jobs().get(0);
        assertEquals(List.of("local"), job.environments());
        Plan.Stats stats = (Plan.Stats) job.collect();
        assertEquals(15, stats.rounds());
        assertEquals(Duration.ofSeconds(30), stats.length());
        assertEquals(Plan.Format.CSV, job.output().format());
        assertFalse(job.output().gzip());
    }

    @Test
    void theStatsSourceIsAutoUnlessThePlanSaysAndIsCheckedLikeTheRest() {
        assertEquals(SourceChoice.AUTO, read(MINIMAL).plan().source());
        assertEquals(SourceChoice.KERNEL, read("source: kernel\n" + MINIMAL).plan().source());
        assertEquals(SourceChoice.ENGINE, read("source: Engine\n" + MINIMAL).plan().source());
        assertEquals(List.of("p.yaml:1:9: source must be auto, engine or kernel, got 'kernal' (did you mean 'kernel'?)"),
                read("source: kernal\n" + MINIMAL).problems().lines());
        assertEquals(List.of("p.yaml:1:9: source must be text, got a boolean"), read("source: true\n" + MINIMAL).problems().lines());
    }

    @Test
    void fiveMistakesGiveFiveLocatedErrors() {
        PlanReader.Result r = new PlanReader(Map.of()).read(Path.of("src/test/resources/plans/five-mistakes.yaml"));
        List<String> lines = r.problems().lines();
        String f = "src/test/resources/plans/five-mistakes.yaml";
        assertEquals(List.of(
                f + ":4:12: token: give a reference ({env: VAR} or {file: PATH}), not the secret itself",
                f + ":8:7: unknown key 'intervall' in job 'web'.stats (did you mean 'interval'?); expected one of: containers, duration, includeStopped, interval, samples",
                f + ":13:20: job 'ev': unknown environment 'locl' (did you mean 'local'?); defined: local",
                f + ":15:17: job 'ev'.events.duration must be more than 0, got -5s",
                f + ":21:13: job 'df'.output.path: unknown placeholder {enviroment} (did you mean 'env'?); known: {env}, {job}, {date}, {time}"),
                lines);
        assertFalse(r.ok());
    }

    @Test
    void zeroIntervalAndMissingOutputAreReported() {
        PlanReader.Result r = read("""
                environments:
                  local: {host: unix:///var/run/docker.sock}
                jobs:
                  - name: s
                    stats: {interval: 0s, samples: 3}
                """);
        assertEquals(2, r.problems().size(), String.join("\n", r.problems().lines()));
        assertTrue(r.problems().lines().get(0).startsWith("p.yaml:4:5: job 's': missing 'output'"), r.problems().lines()::toString);
        assertTrue(r.problems().lines().get(1).startsWith("p.yaml:5:23: job 's'.stats.interval must be more than 0"), r.problems().lines()::toString);
    }

    @Test
    void wrongTypesAreNamed() {
        PlanReader.Result r = read("""
                environments:
                  local: {host: unix:///var/run/docker.sock}
                jobs:
                  - name: s
                    stats: {interval: 2s, samples: many, includeStopped: "yes"}
                    output: {path: "x.ndjson"}
                """);
        List<String> lines = r.problems().lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("samples must be a whole number, got text 'many'")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("includeStopped must be true or false")), lines::toString);
    }

    @Test
    void severalEnvironmentsNeedEnvInThePath() {
        PlanReader.Result r = read("""
                environments:
                  a: {host: unix:///a.sock}
                  b: {host: unix:///b.sock}
                jobs:
                  - name: s
                    stats: {samples: 3}
                    output: {path: "out/s.csv"}
                """);
        assertTrue(r.problems().lines().get(0).contains("must contain {env}"), r.problems().lines()::toString);
    }

    @Test
    void tokensByReferenceAreResolvedOnlyWhenKnown() {
        PlanReader.Result r = read("""
                environments:
                  h: {host: tcp://127.0.0.1:2377, token: {env: NOPE}}
                jobs:
                  - {name: s, stats: {samples: 1}, output: {path: "o.ndjson"}}
                """);
        assertEquals(List.of("p.yaml:2:48: token: environment variable NOPE is not set"), r.problems().lines());
    }

    @Test
    void notYamlIsOneLocatedError() {
        PlanReader.Result r = read("jobs: [\n");
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().lines().get(0).startsWith("p.yaml:"), r.problems().lines()::toString);
    }

    @Test
    void theExamplePlanIsValid() {
        PlanReader.Result r = new PlanReader(Map.of()).read(Path.of("../examples/plan.yaml"));
        // the example points at the test bed's PKI; it is valid wherever those files exist
        if (java.nio.file.Files.exists(Path.of("/tmp/dockstat-testbed/pki/ca.pem"))) {
            assertTrue(r.ok(), () -> String.join("\n", r.problems().lines()));
        }
    }

    @Test
    void aProblemQuotingTextWithLineBreaksStaysOneLine() {
        // a double-quoted "\n" is a real line break in the value (a quoted break in the file folds to a space)
        PlanReader.Result r = read("\":::\\n  # two lines\"\n");
        assertEquals(List.of("p.yaml:1:1: the plan must be a mapping, got text ':::\\n  # two lines'"), r.problems().lines());
    }

    @Test
    void aDirectoryIsNotAPlan(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertEquals(List.of(dir + ":1:1: cannot read the plan: a directory, not a file"),
                new PlanReader(Map.of()).read(dir).problems().lines());
        assertEquals(List.of(dir.resolve("none.yaml") + ":1:1: cannot read the plan: no such file"),
                new PlanReader(Map.of()).read(dir.resolve("none.yaml")).problems().lines());
    }
}
