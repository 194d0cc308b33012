package dev.dockstat.cli.commands;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dockstat completion bash|zsh}: picocli's completion script, with container names for
 * {@code dockstat stats} fetched from the engine at completion time ({@code dockstat __complete}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script (bash, zsh through bashcompinit, or fish).",
            "Commands and options complete everywhere; container names complete after 'dockstat stats', from the engine the line names so far (-H, --context, --env) or else $DOCKER_HOST, the current context, the default socket."},
        footer = {"", "Examples:",
            "  source <(dockstat completion bash)                # this shell",
            "  dockstat completion bash > /etc/bash_completion.d/dockstat",
            "  source <(dockstat completion zsh)                 # in ~/.zshrc",
            "  dockstat completion fish > ~/.config/fish/completions/dockstat.fish"})
public final class CompletionCommand implements Callable<Integer> {

    /** The stats function's positional candidates, which picocli leaves empty. */
    static final String STATS_POSITIONALS = "local positionals=\"\"";
    /** Asks the engine the line names so far (-H, --context, --env, --config typed before the word). */
    static final String STATS_CONTAINERS = String.join("\n  ",
            "local engine_args=() i",
            "for ((i = 1; i < COMP_CWORD; i++)); do",
            "    case ${COMP_WORDS[i]} in",
            "      -H|--host|-c|--context|--env|--config) engine_args+=(\"${COMP_WORDS[i]}\" \"${COMP_WORDS[i+1]}\") ;;",
            "      --host=*|--context=*|--env=*|--config=*) engine_args+=(\"${COMP_WORDS[i]}\") ;;",
            "    esac",
            "  done",
            "  local positionals=$(dockstat __complete \"${engine_args[@]}\" containers 2>/dev/null)");

    public enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
    Shell shell;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(shell == Shell.fish ? FishCompletion.script(root) : script(root));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The bash script (zsh runs it through bashcompinit, which the script sets up itself). */
    static String script(CommandLine root) {
        String script = AutoComplete.bash("dockstat", root);
        String function = "function _picocli_dockstat_stats() {";
        int start = script.indexOf(function);
        int end = script.indexOf("\n}\n", start);
        if (start < 0 || end < 0) {
            return script; // a picocli that writes other functions: names just do not complete
        }
        String body = script.substring(start, end).replace(STATS_POSITIONALS, STATS_CONTAINERS);
        return script.substring(0, start) + body + script.substring(end);
    }
}
