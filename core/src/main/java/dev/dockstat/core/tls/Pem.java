package dev.dockstat.core.tls;

import dev.dockstat.core.spi.TransportConfigException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocks of PEM text ({@code -----BEGIN TYPE----- base64 -----END TYPE-----}). Messages name
 * what was being read ({@code "client key"}) and never quote the text, which may be a private key.
 */
public final class Pem {

    /** One block: its type ({@code CERTIFICATE}, {@code RSA PRIVATE KEY}, ...) and decoded bytes. */
    record Block(String type, boolean encrypted, byte[] der) {}

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private Pem() {}

    /**
     * Every block in {@code text}; text around blocks (openssl's "Bag Attributes", comments) is
     * ignored, as the docker CLI does.
     *
     * @param what names the input in messages, e.g. {@code "CA certificates"}
     */
    public static List<Block> blocks(String text, String what) throws TransportConfigException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            boolean encrypted = body.contains("ENCRYPTED");
            String base64 = withoutHeaders(body).replaceAll("\\s+", "");
            try {
                blocks.add(new Block(m.group(1), encrypted, Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new TransportConfigException(what + ": a PEM " + m.group(1) + " block is not valid base64");
            }
        }
        return blocks;
    }

    /** Drops RFC 1421 headers ({@code Proc-Type: ...}), which end at the first empty line. */
    private static String withoutHeaders(String body) {
        if (!body.contains(":")) {
            return body;
        }
        int blank = body.replace("\r\n", "\n").indexOf("\n\n");
        return blank < 0 ? body : body.replace("\r\n", "\n").substring(blank + 2);
    }
}
