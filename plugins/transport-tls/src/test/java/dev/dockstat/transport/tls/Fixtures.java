package dev.dockstat.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The PEM files under src/test/resources/pki (see its README). */
final class Fixtures {

    private Fixtures() {}

    static String pem(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pki/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 lines of a PEM file: what must never show up in a message. */
    static String[] bodyLines(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----") && !l.contains(":") && l.length() > 20).toArray(String[]::new);
    }
}
