package dev.dockstat.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages the compiled classes of a code root (a classes directory or a jar) refer to, read
 * from the class files' constant pools: every class a class names (supertypes, fields, calls,
 * descriptors, generic signatures) appears there, so nothing that compiles can hide from it.
 * Only names under {@code dev/dockstat/} are kept.
 */
public final class PackageGraph {

    private static final Pattern NAME = Pattern.compile("dev/dockstat/[A-Za-z0-9_$/]+");

    /** Package to the other packages its classes name, both as dotted names, sorted. */
    private final Map<String, Set<String>> edges;

    public PackageGraph(Map<String, Set<String>> edges) {
        Map<String, Set<String>> copy = new TreeMap<>();
        edges.forEach((from, to) -> copy.put(from, new TreeSet<>(to)));
        this.edges = copy;
    }

    /** The graph of the code root that holds {@code type}. */
    public static PackageGraph of(Class<?> type) {
        return read(root(type));
    }

    /** The classes directory or jar a class was loaded from. */
    public static Path root(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PackageGraph read(Path root) {
        Map<String, Set<String>> edges = new HashMap<>();
        if (Files.isDirectory(root)) {
            readTree(root, edges);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                readTree(jar.getPath("/"), edges);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PackageGraph(edges);
    }

    private static void readTree(Path root, Map<String, Set<String>> edges) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith("module-info.class") || relative.startsWith("META-INF/")) {
                    continue;
                }
                String from = packageOf(relative.substring(0, relative.length() - ".class".length()));
                Set<String> to = edges.computeIfAbsent(from, p -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String name : namesIn(in)) {
                        String target = packageOf(name);
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    /** The {@code dev/dockstat/...} class names in a class file's constant pool. */
    static List<String> namesIn(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        List<String> names = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    Matcher m = NAME.matcher(in.readUTF());
                    while (m.find()) {
                        names.add(m.group());
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return names;
    }

    /** Only the packages under {@code prefix}, and only the edges between them. */
    public PackageGraph within(String prefix) {
        Map<String, Set<String>> kept = new TreeMap<>();
        edges.forEach((from, to) -> {
            if (from.startsWith(prefix)) {
                kept.put(from, new TreeSet<>(to.stream().filter(t -> t.startsWith(prefix)).toList()));
            }
        });
        return new PackageGraph(kept);
    }

    public Map<String, Set<String>> edges() {
        return edges;
    }

    /** Every package named by the classes, their own packages excluded. */
    public Set<String> referenced() {
        Set<String> all = new TreeSet<>();
        edges.values().forEach(all::addAll);
        return all;
    }

    /**
     * The strongly connected groups of more than one package (Tarjan): each is a set of packages
     * that import each other in a loop. Empty when the graph is acyclic.
     */
    public List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String p : edges.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, index, low, stack, onStack, found, counter);
            }
        }
        return found;
    }

    private void connect(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, List<Set<String>> found, int[] counter) {
        index.put(p, counter[0]);
        low.put(p, counter[0]);
        counter[0]++;
        stack.push(p);
        onStack.add(p);
        for (String q : edges.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                connect(q, index, low, stack, onStack, found, counter);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> group = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                group.add(q);
            } while (!q.equals(p));
            if (group.size() > 1) {
                found.add(group);
            }
        }
    }

    /** One line per package: {@code package -> imported packages}, without {@code prefix}. */
    public String listing(String prefix) {
        StringBuilder out = new StringBuilder();
        edges.forEach((from, to) -> out.append(from.replace(prefix, "")).append(" -> ")
                .append(String.join(" ", to.stream().map(t -> t.replace(prefix, "")).toList())).append('\n'));
        return out.toString();
    }
}
