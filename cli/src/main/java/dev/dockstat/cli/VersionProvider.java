package dev.dockstat.cli;

import picocli.CommandLine;

/** {@code dockstat --version}: the build (version, commit, date) and the JVM it runs on. Loads nothing else. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {
            "dockstat " + build.version() + " (commit " + build.commit() + ", built " + build.built() + ")",
            "Runtime: " + BuildInfo.runtime(),
        };
    }
}
