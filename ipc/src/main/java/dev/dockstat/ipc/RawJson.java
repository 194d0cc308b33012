package dev.dockstat.ipc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dockstat.core.api.JsonStream;
import java.io.IOException;

/**
 * A JSON value from the engine, passed on byte for byte inside an outbound line ({@code event},
 * {@code data}, {@code info}). Checked once to be one valid JSON value, since an invalid one would
 * corrupt the line. Only line breaks are dropped: the engine ends its bodies with {@code \n}, and
 * a line break inside a valid JSON value can only be whitespace between tokens, never string
 * content, so dropping it keeps the value and the line framing intact.
 *
 * @param bytes holds the value in {@code [0, length)}
 */
record RawJson(byte[] bytes, int length) {

    /** Thrown when the bytes are not one JSON value. */
    static final class InvalidJsonException extends Exception {
        InvalidJsonException(String message) {
            super(message);
        }
    }

    static RawJson of(byte[] body) throws InvalidJsonException {
        validate(body);
        int breaks = 0;
        for (byte b : body) {
            if (b == '\n' || b == '\r') {
                breaks++;
            }
        }
        if (breaks == 0) {
            return new RawJson(body, body.length);
        }
        byte[] joined = new byte[body.length - breaks];
        int n = 0;
        for (byte b : body) {
            if (b != '\n' && b != '\r') {
                joined[n++] = b;
            }
        }
        return new RawJson(joined, n);
    }

    private static void validate(byte[] body) throws InvalidJsonException {
        try (JsonParser p = JsonStream.FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidJsonException("empty body");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new InvalidJsonException("more than one JSON value");
            }
        } catch (IOException e) {
            throw new InvalidJsonException("not valid JSON");
        }
    }
}
