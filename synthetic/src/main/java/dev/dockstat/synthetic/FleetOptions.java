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
        FleetOptions d = defaults();
        int engines = d.engines;
        int containers = d.containers;
        int portBase = d.portBase;
        int controlPort = d.controlPort;
        double cpuPercent = d.cpuPercent;
        int churnSeconds = d.churnSeconds;
        long latencyMillis = d.latencyMillis;
        long seed = d.seed;
        int hostCpus = d.hostCpus;
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
                switch (flag) {
                    case "--engines" -> engines = atLeast(flag, value, 1);
                    case "--containers" -> containers = atLeast(flag, value, 0);
                    case "--port-base" -> portBase = port(flag, value);
                    case "--control" -> controlPort = port(flag, value);
                    case "--cpu" -> cpuPercent = percent(flag, value);
                    case "--churn" -> churnSeconds = atLeast(flag, value, 0);
                    case "--latency-ms" -> latencyMillis = atLeast(flag, value, 0);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--host-cpus" -> hostCpus = atLeast(flag, value, 1);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + ": not a number: " + value);
            }
        }
        if (portBase + engines - 1 > 65535) {
            throw new IllegalArgumentException("--port-base " + portBase + " with --engines " + engines + " passes port 65535");
        }
        if (controlPort >= portBase && controlPort < portBase + engines) {
            throw new IllegalArgumentException("--control " + controlPort + " is one of the engines' ports");
        }
        return new FleetOptions(engines, containers, portBase, controlPort, cpuPercent, churnSeconds, latencyMillis, seed, hostCpus);
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
