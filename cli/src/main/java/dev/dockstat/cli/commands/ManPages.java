package dev.dockstat.cli.commands;

import dev.dockstat.cli.BuildInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages (roff, section 1) from the picocli model, one per visible command: dockstat(1) and
 * dockstat-stats(1) etc. Written by hand rather than with picocli-codegen, whose generator writes
 * AsciiDoc that needs asciidoctor to become a man page.
 */
final class ManPages {

    private ManPages() {}

    /** File name (dockstat.1, dockstat-stats.1, ...) to page, for the root and every visible subcommand. */
    static Map<String, String> all(CommandLine root) {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        String name = root.getCommandName();
        List<String> subs = new ArrayList<>();
        root.getSubcommands().forEach((sub, cli) -> {
            if (!cli.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub);
            }
        });
        pages.put(name + ".1", page(root, name, subs));
        for (String sub : subs) {
            pages.put(name + "-" + sub + ".1", page(root.getSubcommands().get(sub), name + " " + sub, List.of()));
        }
        return pages;
    }

    static String page(CommandLine cli, String qualified, List<String> subcommands) {
        CommandSpec spec = cli.getCommandSpec();
        BuildInfo build = BuildInfo.current();
        String title = qualified.replace(' ', '-');
        StringBuilder m = new StringBuilder();
        m.append(".TH \"").append(title.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"")
                .append(build.built().length() >= 10 ? build.built().substring(0, 10) : build.built())
                .append("\" \"dockstat ").append(build.version()).append("\" \"dockstat Manual\"\n");
        m.append(".SH NAME\n").append(escape(title)).append(" \\- ").append(escape(FishCompletion.summary(spec.usageMessage().description()))).append('\n');
        m.append(".SH SYNOPSIS\n.nf\n").append(escape(cli.getHelp().synopsis(0).strip())).append("\n.fi\n");
        m.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            m.append(escape(plain(line))).append("\n.PP\n");
        }
        if (!subcommands.isEmpty()) {
            m.append(".SH COMMANDS\n");
            for (String sub : subcommands) {
                CommandSpec s = cli.getSubcommands().get(sub).getCommandSpec();
                m.append(".TP\n\\fB").append(escape(sub)).append("\\fR\n")
                        .append(escape(FishCompletion.summary(s.usageMessage().description()))).append(". See \\fB")
                        .append(escape(title + "-" + sub)).append("\\fR(1).\n");
            }
        }
        if (!spec.positionalParameters().isEmpty()) {
            m.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    m.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n").append(escape(plain(String.join(" ", p.description())))).append('\n');
                }
            }
        }
        m.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            m.append(".TP\n");
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + escape(n) + "\\fR");
            }
            m.append(String.join(", ", names));
            if (o.arity().max() > 0) {
                m.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            m.append('\n').append(escape(plain(String.join(" ", o.description())))).append('\n');
        }
        List<String> examples = examples(spec.usageMessage().footer());
        if (!examples.isEmpty()) {
            m.append(".SH EXAMPLES\n.nf\n");
            examples.forEach(e -> m.append(escape(e)).append('\n'));
            m.append(".fi\n");
        }
        m.append(".SH SEE ALSO\n");
        m.append(subcommands.isEmpty() ? "\\fBdockstat\\fR(1)\n" : "\\fBdocker\\fR(1)\n");
        return m.toString();
    }

    /** The footer's lines after "Examples:", unindented. */
    private static List<String> examples(String[] footer) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : footer) {
            if (line.strip().equals("Examples:")) {
                in = true;
            } else if (in && !line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Description text without picocli's variables (defaults are shown in the synopsis) and markup. */
    private static String plain(String text) {
        return text.replace("${DEFAULT-VALUE}", "").replace("${COMPLETION-CANDIDATES}", "").replaceAll("\\$\\{[^}]*}", "")
                .replaceAll("@\\|[a-z,]+ ([^|]*)\\|@", "$1").replace("%n", "\n").strip();
    }

    /** roff: backslashes and hyphens escaped, no line may start with a control character. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return out.toString();
    }
}
