package dev.dockstat.core.df;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /system/df}: what the engine's images, containers, volumes and build cache take on disk,
 * with the figures {@code docker system df} derives from them ({@link #totals()}).
 *
 * <p>The engine reports {@code -1} where it did not compute a size ({@code SharedSize},
 * {@code Containers}, a volume's {@code Size}); those entries are left out of sums, as docker does.
 */
public record DiskUsage(
        @JsonProperty("LayersSize") long layersSize,
        @JsonProperty("Images") List<Image> images,
        @JsonProperty("Containers") List<Container> containers,
        @JsonProperty("Volumes") List<Volume> volumes,
        @JsonProperty("BuildCache") List<BuildCache> buildCache) {

    public DiskUsage {
        images = images == null ? List.of() : List.copyOf(images);
        containers = containers == null ? List.of() : List.copyOf(containers);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        buildCache = buildCache == null ? List.of() : List.copyOf(buildCache);
    }

    public record Image(
            @JsonProperty("Id") String id,
            @JsonProperty("RepoTags") List<String> repoTags,
            @JsonProperty("RepoDigests") List<String> repoDigests,
            @JsonProperty("Created") long created,
            @JsonProperty("Size") long size,
            @JsonProperty("SharedSize") long sharedSize,
            @JsonProperty("Containers") long containers) {

        public Image {
            id = id == null ? "" : id;
            repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
            repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        }
    }

    public record Container(
            @JsonProperty("Id") String id,
            @JsonProperty("Names") List<String> names,
            @JsonProperty("Image") String image,
            @JsonProperty("ImageID") String imageId,
            @JsonProperty("Command") String command,
            @JsonProperty("Created") long created,
            @JsonProperty("Ports") List<Port> ports,
            @JsonProperty("SizeRw") long sizeRw,
            @JsonProperty("SizeRootFs") long sizeRootFs,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("State") String state,
            @JsonProperty("Status") String status,
            @JsonProperty("NetworkSettings") NetworkSettings networkSettings,
            @JsonProperty("Mounts") List<Mount> mounts) {

        public Container {
            id = id == null ? "" : id;
            names = names == null ? List.of() : List.copyOf(names);
            image = image == null ? "" : image;
            imageId = imageId == null ? "" : imageId;
            command = command == null ? "" : command;
            ports = ports == null ? List.of() : List.copyOf(ports);
            state = state == null ? "" : state;
            status = status == null ? "" : status;
            mounts = mounts == null ? List.of() : List.copyOf(mounts);
        }

        /** Running, paused and restarting containers hold their layer; the others could be removed. */
        public boolean active() {
            return state.contains("running") || state.contains("paused") || state.contains("restarting");
        }

        /** Network names in the engine's order. */
        public List<String> networks() {
            return networkSettings == null || networkSettings.networks() == null
                    ? List.of() : List.copyOf(networkSettings.networks().keySet());
        }
    }

    public record NetworkSettings(@JsonProperty("Networks") Map<String, Object> networks) {}

    public record Port(
            @JsonProperty("IP") String ip,
            @JsonProperty("PrivatePort") int privatePort,
            @JsonProperty("PublicPort") int publicPort,
            @JsonProperty("Type") String type) {}

    public record Mount(
            @JsonProperty("Type") String type,
            @JsonProperty("Name") String name,
            @JsonProperty("Source") String source,
            @JsonProperty("Driver") String driver) {}

    public record Volume(
            @JsonProperty("Name") String name,
            @JsonProperty("Driver") String driver,
            @JsonProperty("Mountpoint") String mountpoint,
            @JsonProperty("Scope") String scope,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("UsageData") UsageData usageData) {

        /** {@code Size} is -1 when the engine did not measure it; {@code RefCount} likewise. */
        public record UsageData(@JsonProperty("RefCount") long refCount, @JsonProperty("Size") long size) {}
    }

    public record BuildCache(
            @JsonProperty("ID") String id,
            @JsonProperty("Parent") String parent,
            @JsonProperty("Parents") List<String> parents,
            @JsonProperty("Type") String type,
            @JsonProperty("Description") String description,
            @JsonProperty("InUse") boolean inUse,
            @JsonProperty("Shared") boolean shared,
            @JsonProperty("Size") long size,
            @JsonProperty("CreatedAt") String createdAt,
            @JsonProperty("LastUsedAt") String lastUsedAt,
            @JsonProperty("UsageCount") int usageCount) {

        public BuildCache {
            id = id == null ? "" : id;
            parents = parents != null ? List.copyOf(parents)
                    : parent == null || parent.isEmpty() ? List.of() : List.of(parent);
        }
    }

    /**
     * One row of {@code docker system df}.
     *
     * @param size bytes the kind takes
     * @param reclaimable bytes that pruning unused objects would free
     * @param percentBase what {@code reclaimable} is a percentage of; 0 = no percentage shown
     */
    public record Totals(String type, long total, long active, long size, long reclaimable, long percentBase) {}

    /** The four rows of {@code docker system df}, computed as the docker CLI computes them. */
    public List<Totals> totals() {
        return List.of(imageTotals(), containerTotals(), volumeTotals(), buildCacheTotals());
    }

    private Totals imageTotals() {
        long used = 0;
        for (Image i : images) {
            if (i.containers() != 0 && i.size() != -1 && i.sharedSize() != -1) {
                used += i.size() - i.sharedSize();
            }
        }
        long active = images.stream().filter(i -> i.containers() > 0).count();
        return new Totals("Images", images.size(), active, layersSize, layersSize - used, layersSize);
    }

    private Totals containerTotals() {
        long size = 0;
        long reclaimable = 0;
        long active = 0;
        for (Container c : containers) {
            size += c.sizeRw();
            if (c.active()) {
                active++;
            } else {
                reclaimable += c.sizeRw();
            }
        }
        return new Totals("Containers", containers.size(), active, size, reclaimable, size);
    }

    private Totals volumeTotals() {
        long size = 0;
        long reclaimable = 0;
        long active = 0;
        for (Volume v : volumes) {
            Volume.UsageData u = v.usageData();
            if (u != null && u.refCount() > 0) {
                active++;
            }
            if (u != null && u.size() != -1) {
                size += u.size();
                if (u.refCount() == 0) {
                    reclaimable += u.size();
                }
            }
        }
        return new Totals("Local Volumes", volumes.size(), active, size, reclaimable, size);
    }

    /** Shared records count once, under whoever owns them; in-use private ones are not reclaimable. */
    private Totals buildCacheTotals() {
        long size = builderSize();
        long inUse = 0;
        long active = 0;
        for (BuildCache b : buildCache) {
            if (b.inUse()) {
                active++;
                if (!b.shared()) {
                    inUse += b.size();
                }
            }
        }
        return new Totals("Build Cache", buildCache.size(), active, size, size - inUse, 0);
    }

    /** Bytes of build cache not shared with anything else, as {@code docker system df} counts them. */
    public long builderSize() {
        return buildCache.stream().filter(b -> !b.shared()).mapToLong(BuildCache::size).sum();
    }

    /** Build cache records in docker's order: never used first, then by last use, then by ID. */
    public List<BuildCache> buildCacheByLastUse() {
        List<BuildCache> sorted = new ArrayList<>(buildCache);
        sorted.sort(Comparator.comparing((BuildCache b) -> b.lastUsedAt() == null ? "" : normalizedTime(b.lastUsedAt()))
                .thenComparing(BuildCache::id));
        return sorted;
    }

    /** RFC 3339 times of one engine compare as instants once parsed; unparseable ones sort as given. */
    private static String normalizedTime(String rfc3339) {
        try {
            Instant t = Instant.parse(rfc3339);
            return String.format("%020d%09d", t.getEpochSecond(), t.getNano());
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
    }
}
