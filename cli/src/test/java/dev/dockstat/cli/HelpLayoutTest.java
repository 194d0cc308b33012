package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help at 80 columns (a pipe) and 160 (a wide terminal): no line wider than that,
 * no word split across lines (the words in order are those of an unwrapped rendering), and each
 * example of a footer on a line of its own, whole. The renderings are written to target/help/ to
 * look at; docs/help/ keeps captures from a real terminal (scripts/capture-help), checked here too.
 */
class HelpLayoutTest {

    static final List<Integer> WIDTHS = List.of(80, 160);
    static final int UNWRAPPED = 1000;

    /** The help command lines of every command: dockstat --help, then each visible command's. */
    static List<List<String>> helpCommands() {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of("--help"));
        Dockstat.commandClasses().keySet().stream().filter(name -> !name.startsWith("__"))
                .forEach(name -> all.add(List.of(name, "--help")));
        return all;
    }

    static String help(int width, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dockstat.run(new PrintWriter(out), new PrintWriter(err), InProcess.cleanEnv(Path.of("/nonexistent-dockstat-home")),
                () -> width, args.toArray(String[]::new));
        assertEquals(0, code, args + ": " + err);
        assertEquals("", err.toString(), args.toString());
        return out.toString();
    }

    static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The indented lines of a command's footer: its examples. */
    static List<String> examples(List<String> args) {
        if (args.getFirst().startsWith("-")) {
            return exampleLines(new CommandLine(Dockstat.class).getCommandSpec());
        }
        Class<?> type = Dockstat.commandClasses().get(args.getFirst());
        return exampleLines(new CommandLine(type).getCommandSpec());
    }

    static List<String> exampleLines(CommandLine.Model.CommandSpec spec) {
        return Arrays.stream(spec.usageMessage().footer()).filter(l -> l.startsWith("  ")).toList();
    }

    @Test
    void everyHelpFitsItsWidthWithoutSplittingAWordOrAnExample() throws IOException {
        Path dir = Path.of("target/help");
        Files.createDirectories(dir);
        for (List<String> args : helpCommands()) {
            List<String> unwrapped = words(help(UNWRAPPED, args));
            for (int width : WIDTHS) {
                String help = help(width, args);
                assertTrue(help.lines().anyMatch(l -> l.startsWith("Usage: dockstat ")), args + " at " + width + ":\n" + help);
                String name = args.getFirst().startsWith("-") ? "dockstat" : args.getFirst();
                Files.writeString(dir.resolve(name + "-" + width + ".txt"), help);
                for (String line : help.lines().toList()) {
                    assertTrue(line.length() <= width, args + " at " + width + ": " + line.length() + " columns:\n" + line);
                }
                assertSameWords(unwrapped, words(help), args + " at " + width);
                List<String> lines = help.lines().map(String::stripTrailing).toList();
                for (String example : examples(args)) {
                    assertTrue(lines.contains(example.stripTrailing()), args + " at " + width + ": example not on a line of its own: '" + example + "'\n" + help);
                }
            }
        }
    }

    /** The first place where wrapping changed the words, if any: a word split across lines. */
    static void assertSameWords(List<String> unwrapped, List<String> wrapped, String what) {
        for (int i = 0; i < Math.min(unwrapped.size(), wrapped.size()); i++) {
            if (!unwrapped.get(i).equals(wrapped.get(i))) {
                throw new AssertionError(what + ": a word was split across lines: '" + unwrapped.get(i) + "' became '" + wrapped.get(i)
                        + "' ... '" + (i + 1 < wrapped.size() ? wrapped.get(i + 1) : "") + "'");
            }
        }
        assertEquals(unwrapped.size(), wrapped.size(), what);
    }

    /** Every width a terminal might have: never a split word, never a line too long but for a word wider than the line. */
    @Test
    void noWidthSplitsAWord() {
        for (List<String> args : helpCommands()) {
            List<String> unwrapped = words(help(UNWRAPPED, args));
            for (int width = HelpWidth.MIN; width <= 200; width += 9) {
                String help = help(width, args);
                assertSameWords(unwrapped, words(help), args + " at " + width);
                for (String line : help.lines().toList()) {
                    assertTrue(line.length() <= width || !line.strip().contains(" "), args + " at " + width + ":\n" + line);
                }
            }
        }
    }

    @Test
    void theKeptCapturesFitTheirWidth() throws IOException {
        Path kept = Path.of("../docs/help");
        List<Path> files;
        try (var list = Files.list(kept)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*-\\d+\\.txt")).sorted().toList();
        }
        assertTrue(files.size() >= 2 * helpCommands().size(), "a capture per command and width in " + kept + ": " + files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            int width = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.length() - ".txt".length()));
            for (String line : Files.readAllLines(file)) {
                assertTrue(line.length() <= width, file + ": " + line.length() + " columns:\n" + line);
            }
        }
    }

    @Test
    void helpIsEightyColumnsIntoAPipe() {
        assertEquals(HelpWidth.PIPE, HelpWidth.ofStdout(Map.of("COLUMNS", "160")), "surefire's stdout is not a terminal");
        assertEquals(160, HelpWidth.parse(" 160 "));
        assertEquals(null, HelpWidth.parse("wide"));
        assertEquals(null, HelpWidth.parse("0"));
    }
}
