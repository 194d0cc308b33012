package dev.dockstat.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of {@code GET /info} dockstat uses (the IPC passes the raw body on untouched). */
public record EngineInfo(
        @JsonProperty("Name") String name,
        @JsonProperty("NCPU") int ncpu,
        @JsonProperty("MemTotal") long memTotal,
        @JsonProperty("ServerVersion") String serverVersion,
        @JsonProperty("OperatingSystem") String operatingSystem,
        @JsonProperty("CgroupVersion") String cgroupVersion,
        @JsonProperty("Containers") int containers,
        @JsonProperty("ContainersRunning") int containersRunning) {}
