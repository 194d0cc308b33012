package dev.dockstat.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads the {@code {"message": "..."}} body the engine sends with an error status. */
final class EngineMessages {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private EngineMessages() {}

    static String read(TransportResponse response) {
        byte[] body;
        try {
            body = response.body().readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return "status " + response.status();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                return FailureReasons.firstLine(node.get("message").asText());
            }
        } catch (IOException notJson) {
            // fall through to the text itself
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "status " + response.status() : FailureReasons.firstLine(text);
    }
}
