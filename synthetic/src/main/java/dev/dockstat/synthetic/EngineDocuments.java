package dev.dockstat.synthetic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The JSON documents of one engine that are built when asked: version, info, container lists, inspect, df. */
final class EngineDocuments {

    private final SyntheticEngine engine;
    private final String version;

    EngineDocuments(SyntheticEngine engine) {
        this.engine = engine;
        this.version = "{\"Platform\":{\"Name\":\"\"},\"Components\":[{\"Name\":\"Engine\",\"Version\":\""
                + EngineApi.ENGINE_VERSION + "\",\"Details\":{\"ApiVersion\":\"" + EngineApi.API_VERSION
                + "\",\"Arch\":\"amd64\",\"BuildTime\":\"2026-05-07T21:09:36.000000000+00:00\",\"Experimental\":\"false\","
                + "\"GitCommit\":\"5d6db84\",\"GoVersion\":\"go1.19.8\",\"KernelVersion\":\"6.1.0-synthetic\",\"MinAPIVersion\":\""
                + EngineApi.MIN_API_VERSION + "\",\"Os\":\"linux\"}},{\"Name\":\"containerd\",\"Version\":\"1.6.20\","
                + "\"Details\":{\"GitCommit\":\"2806fc1057397dbaeefbea0e4e17bddfbd388f38\"}},{\"Name\":\"runc\",\"Version\":\"1.1.5\","
                + "\"Details\":{\"GitCommit\":\"v1.1.5-0-gf19387a\"}},{\"Name\":\"docker-init\",\"Version\":\"0.19.0\","
                + "\"Details\":{\"GitCommit\":\"de40ad0\"}}],\"Version\":\"" + EngineApi.ENGINE_VERSION + "\",\"ApiVersion\":\""
                + EngineApi.API_VERSION + "\",\"MinAPIVersion\":\"" + EngineApi.MIN_API_VERSION
                + "\",\"GitCommit\":\"5d6db84\",\"GoVersion\":\"go1.19.8\",\"Os\":\"linux\",\"Arch\":\"amd64\","
                + "\"KernelVersion\":\"6.1.0-synthetic\",\"BuildTime\":\"2026-05-07T21:09:36.000000000+00:00\"}\n";
    }

    String version() {
        return version;
    }

    String info() {
        List<SyntheticContainer> all = engine.containers();
        long running = all.stream().filter(SyntheticContainer::running).count();
        StringBuilder b = new StringBuilder(2048);
        b.append("{\"ID\":\"").append(engine.engineId).append("\",\"Containers\":").append(all.size())
                .append(",\"ContainersRunning\":").append(running).append(",\"ContainersPaused\":0,\"ContainersStopped\":")
                .append(all.size() - running).append(",\"Images\":").append(FleetImages.IMAGES.size())
                .append(",\"Driver\":\"overlay2\",\"DriverStatus\":[[\"Backing Filesystem\",\"extfs\"],[\"Supports d_type\",\"true\"],"
                        + "[\"Native Overlay Diff\",\"true\"],[\"userxattr\",\"false\"]],\"Plugins\":{\"Volume\":[\"local\"],"
                        + "\"Network\":[\"bridge\",\"host\",\"ipvlan\",\"macvlan\",\"null\",\"overlay\"],\"Authorization\":null,"
                        + "\"Log\":[\"awslogs\",\"fluentd\",\"gcplogs\",\"gelf\",\"journald\",\"json-file\",\"local\",\"logentries\","
                        + "\"splunk\",\"syslog\"]},\"MemoryLimit\":true,\"SwapLimit\":true,\"KernelMemory\":true,\"KernelMemoryTCP\":true,"
                        + "\"CpuCfsPeriod\":true,\"CpuCfsQuota\":true,\"CPUShares\":true,\"CPUSet\":true,\"PidsLimit\":true,"
                        + "\"IPv4Forwarding\":true,\"BridgeNfIptables\":true,\"BridgeNfIp6tables\":true,\"Debug\":false,\"NFd\":")
                .append(30 + engine.counters.open.get()).append(",\"OomKillDisable\":true,\"NGoroutines\":")
                .append(40 + engine.events.listeners()).append(",\"SystemTime\":\"").append(Times.rfc3339(Times.nowNanos()))
                .append("\",\"LoggingDriver\":\"json-file\",\"CgroupDriver\":\"cgroupfs\",\"CgroupVersion\":\"1\",\"NEventsListener\":")
                .append(engine.events.listeners())
                .append(",\"KernelVersion\":\"6.1.0-synthetic\",\"OperatingSystem\":\"Synthetic Linux (dockstat fleet)\","
                        + "\"OSVersion\":\"12\",\"OSType\":\"linux\",\"Architecture\":\"x86_64\","
                        + "\"IndexServerAddress\":\"https://index.docker.io/v1/\",\"RegistryConfig\":{"
                        + "\"AllowNondistributableArtifactsCIDRs\":[],\"AllowNondistributableArtifactsHostnames\":[],"
                        + "\"InsecureRegistryCIDRs\":[\"127.0.0.0/8\"],\"IndexConfigs\":{\"docker.io\":{\"Name\":\"docker.io\","
                        + "\"Mirrors\":[],\"Secure\":true,\"Official\":true}},\"Mirrors\":[]},\"NCPU\":")
                .append(engine.host.cpus()).append(",\"MemTotal\":").append(engine.host.memTotal())
                .append(",\"GenericResources\":null,\"DockerRootDir\":\"/var/lib/docker\",\"HttpProxy\":\"\",\"HttpsProxy\":\"\","
                        + "\"NoProxy\":\"\",\"Name\":\"").append(engine.name())
                .append("\",\"Labels\":[],\"ExperimentalBuild\":false,\"ServerVersion\":\"").append(EngineApi.ENGINE_VERSION)
                .append("\",\"Runtimes\":{\"io.containerd.runc.v2\":{\"path\":\"runc\"},\"io.containerd.runtime.v1.linux\":"
                        + "{\"path\":\"runc\"},\"runc\":{\"path\":\"runc\"}},\"DefaultRuntime\":\"runc\",\"Swarm\":{\"NodeID\":\"\","
                        + "\"NodeAddr\":\"\",\"LocalNodeState\":\"inactive\",\"ControlAvailable\":false,\"Error\":\"\","
                        + "\"RemoteManagers\":null},\"LiveRestoreEnabled\":true,\"Isolation\":\"\",\"InitBinary\":\"docker-init\","
                        + "\"ContainerdCommit\":{\"ID\":\"2806fc1057397dbaeefbea0e4e17bddfbd388f38\",\"Expected\":"
                        + "\"2806fc1057397dbaeefbea0e4e17bddfbd388f38\"},\"RuncCommit\":{\"ID\":\"v1.1.5-0-gf19387a\",\"Expected\":"
                        + "\"v1.1.5-0-gf19387a\"},\"InitCommit\":{\"ID\":\"de40ad0\",\"Expected\":\"de40ad0\"},"
                        + "\"SecurityOptions\":[\"name=seccomp,profile=default\"],\"Warnings\":null}\n");
        return b.toString();
    }

    /** {@code GET /containers/json}: running ones (all with {@code all}), newest first; label, name, id, status filters. */
    Response containerList(HttpRequest request) {
        boolean all = request.flag("all", false);
        ContainerFilter filter;
        try {
            filter = ContainerFilter.parse(request.param("filters"));
        } catch (IllegalArgumentException e) {
            return Response.error(400, e.getMessage());
        }
        List<SyntheticContainer> list = engine.containers();
        Collections.reverse(list);
        int limit = request.param("limit") == null ? -1 : Integer.parseInt(request.param("limit"));
        boolean size = request.flag("size", false);
        StringBuilder b = new StringBuilder(1024 * Math.min(list.size(), 64));
        b.append('[');
        int n = 0;
        long now = Times.nowNanos();
        for (SyntheticContainer c : list) {
            if ((!all && !c.running() && !filter.asksForStatus()) || !filter.matches(c) || (limit >= 0 && n >= limit)) {
                continue;
            }
            if (n++ > 0) {
                b.append(',');
            }
            summary(b, c, now, size, false);
        }
        return Response.json(b.append("]\n").toString());
    }

    private void summary(StringBuilder b, SyntheticContainer c, long now, boolean sizes, boolean rootFsOnly) {
        b.append("{\"Id\":\"").append(c.id).append("\",\"Names\":[");
        Json.quote(b, "/" + c.name).append("],\"Image\":");
        Json.quote(b, c.image.reference()).append(",\"ImageID\":\"").append(c.image.id()).append("\",\"Command\":");
        Json.quote(b, c.image.command()).append(",\"Created\":").append(c.createdNanos / 1_000_000_000L).append(",\"Ports\":[]");
        if (sizes && !rootFsOnly && c.sizeRw > 0) {
            b.append(",\"SizeRw\":").append(c.sizeRw);
        }
        if (sizes) {
            b.append(",\"SizeRootFs\":").append(c.sizeRootFs);
        }
        b.append(",\"Labels\":");
        Json.stringMap(b, c.labels).append(",\"State\":\"").append(c.state()).append("\",\"Status\":");
        Json.quote(b, status(c, now)).append(",\"HostConfig\":{\"NetworkMode\":\"default\"},\"NetworkSettings\":{\"Networks\":{\"bridge\":");
        network(b, c);
        b.append("}},\"Mounts\":[]}");
    }

    /** Addresses stay empty: the fleet is loopback-only and names no container network address. */
    private static void network(StringBuilder b, SyntheticContainer c) {
        b.append("{\"IPAMConfig\":null,\"Links\":null,\"Aliases\":null,\"NetworkID\":\"").append(c.networkId)
                .append("\",\"EndpointID\":\"").append(c.running() ? c.endpointId : "")
                .append("\",\"Gateway\":\"\",\"IPAddress\":\"\",\"IPPrefixLen\":0,\"IPv6Gateway\":\"\",\"GlobalIPv6Address\":\"\","
                        + "\"GlobalIPv6PrefixLen\":0,\"MacAddress\":\"\",\"DriverOpts\":null}");
    }

    private static String status(SyntheticContainer c, long now) {
        if (c.running()) {
            return "Up " + Times.humanDuration(Duration.ofNanos(now - c.startedNanos()));
        }
        if (c.startedNanos() == 0) {
            return "Created";
        }
        return "Exited (" + c.exitCode() + ") " + Times.humanDuration(Duration.ofNanos(now - c.finishedNanos())) + " ago";
    }

    /** {@code GET /containers/{id}/json}, the fields a monitoring client reads and their neighbours. */
    String inspect(SyntheticContainer c) {
        StringBuilder b = new StringBuilder(4096);
        String[] argv = c.image.command().split(" ");
        b.append("{\"Id\":\"").append(c.id).append("\",\"Created\":\"").append(Times.rfc3339(c.createdNanos))
                .append("\",\"Path\":");
        Json.quote(b, argv[0]).append(",\"Args\":[");
        for (int i = 1; i < argv.length; i++) {
            Json.quote(b.append(i > 1 ? "," : ""), argv[i]);
        }
        b.append("],\"State\":{\"Status\":\"").append(c.state()).append("\",\"Running\":").append(c.running())
                .append(",\"Paused\":false,\"Restarting\":false,\"OOMKilled\":false,\"Dead\":false,\"Pid\":")
                .append(c.running() ? c.pid : 0).append(",\"ExitCode\":").append(c.exitCode())
                .append(",\"Error\":\"\",\"StartedAt\":\"").append(Times.rfc3339(c.startedNanos()))
                .append("\",\"FinishedAt\":\"").append(Times.rfc3339(c.finishedNanos())).append("\"},\"Image\":\"")
                .append(c.image.id()).append("\",\"ResolvConfPath\":\"/var/lib/docker/containers/").append(c.id)
                .append("/resolv.conf\",\"HostnamePath\":\"/var/lib/docker/containers/").append(c.id)
                .append("/hostname\",\"HostsPath\":\"/var/lib/docker/containers/").append(c.id)
                .append("/hosts\",\"LogPath\":\"/var/lib/docker/containers/").append(c.id).append('/').append(c.id)
                .append("-json.log\",\"Name\":");
        Json.quote(b, "/" + c.name).append(",\"RestartCount\":0,\"Driver\":\"overlay2\",\"Platform\":\"linux\",\"MountLabel\":\"\","
                + "\"ProcessLabel\":\"\",\"AppArmorProfile\":\"\",\"ExecIDs\":null,\"HostConfig\":{\"Binds\":null,"
                + "\"ContainerIDFile\":\"\",\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}},\"NetworkMode\":\"default\","
                + "\"PortBindings\":{},\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},\"AutoRemove\":false,"
                + "\"VolumeDriver\":\"\",\"VolumesFrom\":null,\"CapAdd\":null,\"CapDrop\":null,\"CgroupnsMode\":\"host\","
                + "\"Dns\":[],\"DnsOptions\":[],\"DnsSearch\":[],\"ExtraHosts\":null,\"GroupAdd\":null,\"IpcMode\":\"private\","
                + "\"Cgroup\":\"\",\"Links\":null,\"OomScoreAdj\":0,\"PidMode\":\"\",\"Privileged\":false,"
                + "\"PublishAllPorts\":false,\"ReadonlyRootfs\":false,\"SecurityOpt\":null,\"UTSMode\":\"\",\"UsernsMode\":\"\","
                + "\"ShmSize\":67108864,\"Runtime\":\"runc\",\"ConsoleSize\":[0,0],\"Isolation\":\"\",\"CpuShares\":0,"
                + "\"Memory\":0,\"NanoCpus\":0,\"CgroupParent\":\"\",\"BlkioWeight\":0,\"BlkioWeightDevice\":[],"
                + "\"BlkioDeviceReadBps\":[],\"BlkioDeviceWriteBps\":[],\"BlkioDeviceReadIOps\":[],\"BlkioDeviceWriteIOps\":[],"
                + "\"CpuPeriod\":0,\"CpuQuota\":0,\"CpuRealtimePeriod\":0,\"CpuRealtimeRuntime\":0,\"CpusetCpus\":\"\","
                + "\"CpusetMems\":\"\",\"Devices\":[],\"DeviceCgroupRules\":null,\"DeviceRequests\":null,\"KernelMemory\":0,"
                + "\"KernelMemoryTCP\":0,\"MemoryReservation\":0,\"MemorySwap\":0,\"MemorySwappiness\":null,"
                + "\"OomKillDisable\":false,\"PidsLimit\":null,\"Ulimits\":[],\"CpuCount\":0,\"CpuPercent\":0,"
                + "\"IOMaximumIOps\":0,\"IOMaximumBandwidth\":0,\"MaskedPaths\":[\"/proc/asound\",\"/proc/acpi\",\"/proc/kcore\","
                + "\"/proc/keys\",\"/proc/latency_stats\",\"/proc/timer_list\",\"/proc/timer_stats\",\"/proc/sched_debug\","
                + "\"/proc/scsi\",\"/sys/firmware\"],\"ReadonlyPaths\":[\"/proc/bus\",\"/proc/fs\",\"/proc/irq\",\"/proc/sys\","
                + "\"/proc/sysrq-trigger\"]},\"GraphDriver\":{\"Data\":null,\"Name\":\"overlay2\"},"
                + "\"Mounts\":[],\"Config\":{\"Hostname\":\"").append(c.id, 0, 12).append("\",\"Domainname\":\"\",\"User\":\"\","
                + "\"AttachStdin\":false,\"AttachStdout\":false,\"AttachStderr\":false,\"Tty\":false,\"OpenStdin\":false,"
                + "\"StdinOnce\":false,\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Cmd\":[");
        for (int i = 0; i < argv.length; i++) {
            Json.quote(b.append(i > 0 ? "," : ""), argv[i]);
        }
        b.append("],\"Image\":");
        Json.quote(b, c.image.reference()).append(",\"Volumes\":null,\"WorkingDir\":\"\",\"Entrypoint\":null,\"OnBuild\":null,\"Labels\":");
        Json.stringMap(b, c.labels).append("},\"NetworkSettings\":{\"Bridge\":\"\",\"SandboxID\":\"").append(c.sandboxId)
                .append("\",\"HairpinMode\":false,\"LinkLocalIPv6Address\":\"\",\"LinkLocalIPv6PrefixLen\":0,\"Ports\":{},"
                        + "\"SandboxKey\":\"/var/run/docker/netns/").append(c.sandboxId, 0, 12)
                .append("\",\"SecondaryIPAddresses\":null,\"SecondaryIPv6Addresses\":null,\"EndpointID\":\"\",\"Gateway\":\"\","
                        + "\"GlobalIPv6Address\":\"\",\"GlobalIPv6PrefixLen\":0,\"IPAddress\":\"\",\"IPPrefixLen\":0,"
                        + "\"IPv6Gateway\":\"\",\"MacAddress\":\"\",\"Networks\":{\"bridge\":");
        network(b, c);
        return b.append("}}}\n").toString();
    }

    /**
     * {@code GET /system/df}: the fleet's images (sharing a base layer), every container with its sizes,
     * one volume per database container, and a small build cache.
     */
    String diskUsage() {
        List<SyntheticContainer> all = engine.containers();
        Collections.reverse(all);
        StringBuilder b = new StringBuilder(4096 + 900 * all.size());
        b.append("{\"LayersSize\":").append(FleetImages.layersSize()).append(",\"Images\":[");
        boolean first = true;
        for (ImageSpec i : FleetImages.IMAGES) {
            long users = all.stream().filter(c -> c.image == i).count();
            b.append(first ? "" : ",").append("{\"Containers\":").append(users).append(",\"Created\":").append(i.created())
                    .append(",\"Id\":\"").append(i.id()).append("\",\"Labels\":null,\"ParentId\":\"").append(i.parentId())
                    .append("\",\"RepoDigests\":[],\"RepoTags\":[");
            Json.quote(b, i.reference()).append("],\"SharedSize\":").append(i.sharedSize()).append(",\"Size\":")
                    .append(i.size()).append(",\"VirtualSize\":").append(i.size()).append('}');
            first = false;
        }
        b.append("],\"Containers\":[");
        long now = Times.nowNanos();
        List<SyntheticContainer> databases = new ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            SyntheticContainer c = all.get(n);
            if (n > 0) {
                b.append(',');
            }
            summary(b, c, now, true, false);
            if (FleetImages.role(c.image).equals("db")) {
                databases.add(c);
            }
        }
        b.append("],\"Volumes\":[");
        for (int n = 0; n < databases.size(); n++) {
            SyntheticContainer c = databases.get(n);
            String name = c.id.substring(0, 12) + "-data";
            long size = (64L + (c.id.charAt(12) % 16) * 32L) << 20;
            b.append(n > 0 ? "," : "").append("{\"CreatedAt\":\"").append(Times.rfc3339(c.createdNanos / 1_000_000_000L * 1_000_000_000L))
                    .append("\",\"Driver\":\"local\",\"Labels\":null,\"Mountpoint\":\"/var/lib/docker/volumes/").append(name)
                    .append("/_data\",\"Name\":\"").append(name).append("\",\"Options\":null,\"Scope\":\"local\",\"UsageData\":{\"RefCount\":")
                    .append(c.running() ? 1 : 0).append(",\"Size\":").append(size).append("}}");
        }
        b.append("],\"BuildCache\":[");
        String built = Times.rfc3339(engine.startNanos - 3_600_000_000_000L);
        b.append("{\"ID\":\"").append("k3v9q2m8x1w7e5r0t4y6u2i8o").append("\",\"Parent\":\"\",\"Type\":\"regular\",\"Description\":")
                .append("\"[2/3] RUN make build\",\"InUse\":false,\"Shared\":false,\"Size\":48234496,\"CreatedAt\":\"").append(built)
                .append("\",\"LastUsedAt\":\"").append(built).append("\",\"UsageCount\":2},");
        b.append("{\"ID\":\"").append("p7d1s5f3g9h2j6k8l4z0x2c1v").append("\",\"Parent\":\"k3v9q2m8x1w7e5r0t4y6u2i8o\",\"Type\":\"regular\","
                        + "\"Description\":\"[3/3] COPY dist /app\",\"InUse\":false,\"Shared\":true,\"Size\":7340032,\"CreatedAt\":\"")
                .append(built).append("\",\"LastUsedAt\":\"").append(built).append("\",\"UsageCount\":1}");
        return b.append("],\"BuilderSize\":").append(48234496 + 7340032).append("}\n").toString(); // the deprecated total of the records; dockstat sums them itself
    }
}
