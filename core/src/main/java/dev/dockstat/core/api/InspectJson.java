package dev.dockstat.core.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dockstat.core.model.ContainerState;

/** The parts of the engine's container inspect body dockstat reads. */
record InspectJson(@JsonProperty("Id") String id, @JsonProperty("Name") String name, @JsonProperty("State") State state) {

    record State(@JsonProperty("Running") boolean running, @JsonProperty("StartedAt") String startedAt) {}

    ContainerState toState() {
        String bare = name == null ? "" : name.startsWith("/") ? name.substring(1) : name;
        return new ContainerState(id, bare, state != null && state.running(), state == null ? "" : state.startedAt());
    }
}
