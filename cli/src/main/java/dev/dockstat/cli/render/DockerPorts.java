package dev.dockstat.cli.render;

import dev.dockstat.core.df.DiskUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker's {@code DisplayablePorts}: {@code 0.0.0.0:80->80/tcp, 9000-9002/tcp}. Ports are sorted,
 * consecutive ports of one type and address are joined into ranges, and mappings to another public
 * port are listed last.
 */
final class DockerPorts {

    private DockerPorts() {}

    private static final class Group {
        int first;
        int last;

        Group(int port) {
            first = port;
            last = port;
        }
    }

    static String display(List<DiskUsage.Port> ports) {
        List<DiskUsage.Port> sorted = new ArrayList<>(ports);
        sorted.sort(Comparator.comparingInt(DiskUsage.Port::privatePort)
                .thenComparing(p -> p.ip() == null ? "" : p.ip())
                .thenComparingInt(DiskUsage.Port::publicPort)
                .thenComparing(p -> p.type() == null ? "" : p.type()));
        Map<String, Group> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        for (DiskUsage.Port p : sorted) {
            int current = p.privatePort();
            String key = p.type();
            if (p.ip() != null && !p.ip().isEmpty()) {
                if (p.publicPort() != current) {
                    mappings.add(hostPort(p.ip(), Integer.toString(p.publicPort())) + "->" + current + "/" + p.type());
                    continue;
                }
                key = p.ip() + "/" + p.type();
            }
            Group g = groups.get(key);
            if (g == null) {
                groups.put(key, new Group(current));
            } else if (current == g.last + 1) {
                g.last = current;
            } else {
                result.add(form(key, g));
                groups.put(key, new Group(current));
            }
        }
        groups.forEach((key, g) -> result.add(form(key, g)));
        result.addAll(mappings);
        return String.join(", ", result);
    }

    private static String form(String key, Group g) {
        int slash = key.lastIndexOf('/');
        String ip = slash >= 0 ? key.substring(0, slash) : "";
        String type = slash >= 0 ? key.substring(slash + 1) : key;
        String range = g.first == g.last ? Integer.toString(g.first) : g.first + "-" + g.last;
        if (!ip.isEmpty()) {
            range = hostPort(ip, range) + "->" + range;
        }
        return range + "/" + type;
    }

    private static String hostPort(String ip, String port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }
}
