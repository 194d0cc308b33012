package dev.dockstat.transport.ssh;

import java.util.List;

/**
 * Why an ssh connection ended, in one line, from the process's exit status and what it wrote to
 * stderr: ssh's own verdict ({@code ssh: connect to host ... port 1: Connection refused},
 * {@code Host key verification failed}, ...) or the remote command's ({@code docker: not found}, the
 * remote docker CLI's own error). ssh exits with 255 for its own failures, anything else is the
 * remote command's status.
 *
 * <p>The line then goes through core's reading of I/O failures, which knows socket wording: ssh's
 * {@code Permission denied (publickey)} would read there as a socket permission problem ("are you in
 * the docker group?"), so that one verdict is worded as what it is, a refused login.
 */
final class SshFailure {

    static final int SSH_ERROR = 255;
    static final int COMMAND_NOT_FOUND = 127;
    private static final int MAX_LENGTH = 400;

    private SshFailure() {}

    static String reason(int status, String stderr) {
        List<String> lines = stderr.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .filter(l -> !l.startsWith("Warning: Permanently added") && !l.startsWith("**") && !l.startsWith("@"))
                .toList();
        if (status == COMMAND_NOT_FOUND || lines.stream().anyMatch(SshFailure::dockerMissing)) {
            String detail = lines.stream().filter(SshFailure::dockerMissing).findFirst()
                    .orElse(lines.isEmpty() ? "exit status " + status : lines.getLast());
            // core reads "no such file" as a missing engine socket; the sentence says it all without that detail
            String shown = detail.toLowerCase(java.util.Locale.ROOT).contains("no such file") ? "exit status " + status : detail;
            return cap("docker is not installed on the remote host, or not on the PATH of its ssh sessions (" + shown + ")");
        }
        if (lines.isEmpty()) {
            if (status == SSH_ERROR) {
                return "ssh failed without a message (exit status 255)";
            }
            // the JDK reports a process killed by signal N as 128 + N; a remote shell does the same for its command
            return status > 128 && status < 160
                    ? "the ssh connection ended with exit status " + status + " (killed by signal " + (status - 128) + ")"
                    : "the remote command 'docker system dial-stdio' ended with exit status " + status;
        }
        String verdict = refusedLogin(withoutFullStop(lines.getLast()));
        if (lines.size() > 1) {
            verdict += " (" + withoutFullStop(lines.getFirst()) + ")";
        }
        return cap(status == SSH_ERROR && !verdict.startsWith("ssh: ") ? "ssh: " + verdict : verdict);
    }

    private static boolean dockerMissing(String line) {
        return line.matches(".*\\bdocker: (command )?not found.*") || line.contains("docker: No such file or directory");
    }

    /** {@code user@host: Permission denied (publickey,password)} as a refused login. */
    private static String refusedLogin(String line) {
        int at = line.indexOf("Permission denied (");
        return at < 0 ? line : line.substring(0, at) + "login refused (tried " + line.substring(at + "Permission denied (".length());
    }

    private static String withoutFullStop(String line) {
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String cap(String line) {
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
