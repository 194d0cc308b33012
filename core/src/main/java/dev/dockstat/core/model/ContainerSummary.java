package dev.dockstat.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of {@code GET /containers/json}. */
public record ContainerSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("Names") List<String> names,
        @JsonProperty("Image") String image,
        @JsonProperty("State") String state,
        @JsonProperty("Status") String status,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Created") long created) {

    public ContainerSummary {
        names = names == null ? List.of() : List.copyOf(names);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        image = image == null ? "" : image;
        state = state == null ? "" : state;
        status = status == null ? "" : status;
    }

    /** The primary name without docker's leading slash ({@code web}, not {@code /web}). */
    public String name() {
        for (String n : names) {
            String bare = n.startsWith("/") ? n.substring(1) : n;
            if (!bare.contains("/")) { // "/other/alias" are link aliases, not the name
                return bare;
            }
        }
        return names.isEmpty() ? shortId() : names.get(0).replaceFirst("^/", "");
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    public boolean running() {
        return "running".equals(state);
    }
}
