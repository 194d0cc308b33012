package dev.dockstat.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockstat __man DIR}: writes the man pages (section 1) into DIR (hidden; the release bundle's man/man1). */
@Command(name = "__man", hidden = true, description = "Write man pages into a directory.")
public final class ManCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR")
    Path dir;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> page : ManPages.all(spec.commandLine().getParent()).entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue());
            spec.commandLine().getOut().println(dir.resolve(page.getKey()));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
