package dev.dockstat.core.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to rewrap a PKCS#1 or SEC1 key as PKCS#8, the only form the JDK's key factories
 * read: definite lengths, single-byte tags, no more.
 */
public final class Der {

    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int SEQUENCE = 0x30;
    /** {@code [0]} constructed: SEC1's curve parameters. */
    public static final int CONTEXT_0 = 0xA0;

    /** Malformed DER; never carries the bytes themselves (they may be a key). */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    /** One element: {@code tag}, and its encoding {@code bytes[start, end)} whose content starts at {@code content}. */
    public record Element(int tag, byte[] bytes, int start, int content, int end) {
        public byte[] encoded() {
            return Arrays.copyOfRange(bytes, start, end);
        }

        /** The elements inside a constructed element (a SEQUENCE or a context tag). */
        public List<Element> children() throws MalformedException {
            List<Element> children = new ArrayList<>();
            for (int at = content; at < end; at = children.getLast().end()) {
                children.add(read(bytes, at, end));
            }
            return children;
        }
    }

    private Der() {}

    /** The element at the start of {@code der}, which must span it exactly. */
    public static Element parse(byte[] der) throws MalformedException {
        Element e = read(der, 0, der.length);
        if (e.end() != der.length) {
            throw new MalformedException("trailing bytes after the DER structure");
        }
        return e;
    }

    private static Element read(byte[] der, int at, int limit) throws MalformedException {
        if (at + 2 > limit) {
            throw new MalformedException("truncated DER");
        }
        int tag = der[at] & 0xFF;
        int first = der[at + 1] & 0xFF;
        int content = at + 2;
        long length = first;
        if (first > 0x80) {
            int n = first & 0x7F;
            if (n > 4 || content + n > limit) {
                throw new MalformedException("bad DER length");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | der[content++] & 0xFF;
            }
        } else if (first == 0x80) {
            throw new MalformedException("indefinite DER length");
        }
        if (content + length > limit) {
            throw new MalformedException("truncated DER");
        }
        return new Element(tag, der, at, content, (int) (content + length));
    }

    /** Encodes one element from its content parts. */
    public static byte[] element(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
