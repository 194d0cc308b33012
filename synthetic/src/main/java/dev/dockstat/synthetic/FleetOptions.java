package dev.dockstat.synthetic;

/** The command line of {@link SyntheticFleet}; see docs/synthetic-engine.md. */
record FleetOptions(int engines, int containers, int portBase, int controlPort, double cpuPercent, int churnSeconds,
        long latencyMillis, long seed, int hostCpus) {

    static final String USAGE = "usage: SyntheticFleet [--engines N] [--containers M] [--port-base P] [--control PORT]"
            + " [--cpu PERCENT] [--churn SECONDS] [--latency-ms MS] [--seed S] [--host-cpus N]";

    static FleetOptions defaults() {
        return new FleetOptions(1, 10, 24000, 23999, 5, 0, 0, 1, 4);
    }

    /** @throws IllegalArgumentException with a one-line message naming the bad argument */
    static FleetOptions parse(String... args) {
        FleetOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + ": needs a value");
                }
                value = args[++i];
            }
            try {
                o = switch (flag) {
                    case "--engines" -> o.with(positive(flag, value), o.containers, o.portBase, o.controlPort, o.cpuPercent, o.churnSeconds, o.latencyMillis, o.seed, o.hostCpus);
                    case "--containers" -> o.with(o.engines, atLeast(flag, value, 0), o.portBase, o.controlPort, o.cpuPercent, o.churnSeconds, o.latencyMillis, o.seed, o.hostCpus);
                    case "--port-base" -> o.with(o.engines, o.containers, port(flag, value), o.controlPort, o.cpuPercent, o.churnSeconds, o.latencyMillis, o.seed, o.hostCpus);
                    case "--control" -> o.with(o.engines, o.containers, o.portBase, port(flag, value), o.cpuPercent, o.churnSeconds, o.latencyMillis, o.seed, o.hostCpus);
                    case "--cpu" -> o.with(o.engines, o.containers, o.portBase, o.controlPort, percent(flag, value), o.churnSeconds, o.latencyMillis, o.seed, o.hostCpus);
                    case "--churn" -> o.with(o.engines, o.containers, o.portBase, o.controlPort, o.cpuPercent, atLeast(flag, value, 0), o.latencyMillis, o.seed, o.hostCpus);
                    case "--latency-ms" -> o.with(o.engines, o.containers, o.portBase, o.controlPort, o.cpuPercent, o.churnSeconds, atLeast(flag, value, 0), o.seed, o.hostCpus);
                    case "--seed" -> o.with(o.engines, o.containers, o.portBase, o.controlPort, o.cpuPercent, o.churnSeconds, o.latencyMillis, Long.parseLong(value), o.hostCpus);
                    case "--host-cpus" -> o.with(o.engines, o.containers, o.portBase, o.controlPort, o.cpuPercent, o.churnSeconds, o.latencyMillis, o.seed, positive(flag, value));
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + ": not a number: " + value);
            }
        }
        if (o.portBase + o.engines - 1 > 65535) {
            throw new IllegalArgumentException("--port-base " + o.portBase + " with --engines " + o.engines + " passes port 65535");
        }
        if (o.controlPort >= o.portBase && o.controlPort < o.portBase + o.engines) {
            throw new IllegalArgumentException("--control " + o.controlPort + " is one of the engines' ports");
        }
        return o;
    }

    private FleetOptions with(int engines, int containers, int portBase, int controlPort, double cpuPercent, int churnSeconds,
            long latencyMillis, long seed, int hostCpus) {
        return new FleetOptions(engines, containers, portBase, controlPort, cpuPercent, churnSeconds, latencyMillis, seed, hostCpus);
    }

    private static int positive(String flag, String value) {
        return atLeast(flag, value, 1);
    }

    private static int atLeast(String flag, String value, int min) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException(flag + ": must be at least " + min + ", got " + value);
        }
        return n;
    }

    private static int port(String flag, String value) {
        int n = Integer.parseInt(value);
        if (n < 1 || n > 65535) {
            throw new IllegalArgumentException(flag + ": not a port: " + value);
        }
        return n;
    }

    private static double percent(String flag, String value) {
        double d = Double.parseDouble(value);
        if (d < 0 || Double.isNaN(d)) {
            throw new IllegalArgumentException(flag + ": not a percentage: " + value);
        }
        return d;
    }
}
