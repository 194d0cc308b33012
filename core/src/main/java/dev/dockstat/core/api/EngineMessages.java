package dev.dockstat.core.api;

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
        String message = EngineJson.message(body);
        if (message != null) {
            return FailureReasons.firstLine(message);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "status " + response.status() : FailureReasons.firstLine(text);
    }
}
