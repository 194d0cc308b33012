package dev.dockstat.ipc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one outbound line the way Go's {@code encoding/json} would write the worker's
 * {@code OutMessage}: fields in the order given, strings escaped as Go escapes them (including
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029), numbers in Go's shortest form ({@code 25},
 * not {@code 25.0}; exponents only below 1e-6 or from 1e21 on), raw JSON copied in byte for byte,
 * and a final {@code \n}. The omit-when-empty rules are the callers' ({@link Outbound}).
 * Not thread-safe; one per line.
 */
final class JsonLine {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;
    private boolean first = true;

    JsonLine(int capacityHint) {
        buf = new byte[Math.max(64, capacityHint)];
    }

    JsonLine() {
        this(128);
    }

    JsonLine open() {
        put('{');
        first = true;
        return this;
    }

    /** Ends the object and the line. */
    byte[] close() {
        put('}');
        put('\n');
        return Arrays.copyOf(buf, size);
    }

    JsonLine field(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    JsonLine field(String name, long value) {
        return literal(name, Long.toString(value));
    }

    JsonLine field(String name, boolean value) {
        return literal(name, value ? "true" : "false");
    }

    JsonLine field(String name, double value) {
        return literal(name, number(value));
    }

    /** A float32 value in its own shortest form ({@code 25.03}, not {@code 25.030000686645508}). */
    JsonLine field(String name, float value) {
        return literal(name, number(value));
    }

    private JsonLine literal(String name, String json) {
        key(name);
        ascii(json);
        return this;
    }

    /** A field whose value is JSON already; the bytes are copied as they are. */
    JsonLine raw(String name, RawJson value) {
        key(name);
        put(value.bytes(), 0, value.length());
        return this;
    }

    /** Starts a field holding an array of objects; call {@link #element()} per object, then {@link #endArray()}. */
    JsonLine array(String name) {
        key(name);
        put('[');
        first = true;
        return this;
    }

    JsonLine element() {
        if (!first) {
            put(',');
        }
        put('{');
        first = true;
        return this;
    }

    JsonLine endElement() {
        put('}');
        first = false;
        return this;
    }

    JsonLine endArray() {
        put(']');
        first = false;
        return this;
    }

    private void key(String name) {
        if (!first) {
            put(',');
        }
        first = false;
        string(name);
        put(':');
    }

    /** Go's float64 encoding; a float32 value goes through {@link #number(float)} to keep its short form. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value); // Go's encoder refuses it too
        }
        return goNumber(Double.toString(value), Math.abs(value));
    }

    static String number(float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        return goNumber(Float.toString(value), Math.abs(value));
    }

    /**
     * Java's shortest round-trip digits (JDK 19+) in Go's layout: plain decimal for
     * {@code 1e-6 <= |v| < 1e21}, else {@code d.ddde±XX} with Go's {@code e-07 -> e-7} clean-up.
     */
    static String goNumber(String javaShortest, double magnitude) {
        if (magnitude == 0) {
            return javaShortest.startsWith("-") ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(javaShortest).stripTrailingZeros();
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder s = new StringBuilder(digits.length() + 6);
        if (d.signum() < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        s.append('e').append(exponent < 0 ? '-' : '+');
        // Go pads the exponent to two digits and then cleans e-07 to e-7; from 1e21 up it has two anyway
        s.append(Math.abs(exponent));
        return s.toString();
    }

    private void string(String s) {
        put('"');
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '"' -> { put('\\'); put('"'); }
                    case '\\' -> { put('\\'); put('\\'); }
                    case '\n' -> { put('\\'); put('n'); }
                    case '\r' -> { put('\\'); put('r'); }
                    case '\t' -> { put('\\'); put('t'); }
                    case '<', '>', '&' -> unicodeEscape(c);
                    default -> {
                        if (c < 0x20) {
                            unicodeEscape(c);
                        } else {
                            put(c);
                        }
                    }
                }
                i++;
            } else if (c == '\u2028' || c == '\u2029') {
                unicodeEscape(c);
                i++;
            } else {
                int cp = s.codePointAt(i);
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    utf8(0xFFFD); // a lone surrogate: Go writes the replacement character
                    i++;
                } else {
                    utf8(cp);
                    i += Character.charCount(cp);
                }
            }
        }
        put('"');
    }

    private void unicodeEscape(char c) {
        put('\\');
        put('u');
        put(HEX[(c >> 12) & 0xF]);
        put(HEX[(c >> 8) & 0xF]);
        put(HEX[(c >> 4) & 0xF]);
        put(HEX[c & 0xF]);
    }

    private void utf8(int cp) {
        if (cp < 0x800) {
            put(0xC0 | cp >> 6);
            put(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            put(0xE0 | cp >> 12);
            put(0x80 | cp >> 6 & 0x3F);
            put(0x80 | cp & 0x3F);
        } else {
            put(0xF0 | cp >> 18);
            put(0x80 | cp >> 12 & 0x3F);
            put(0x80 | cp >> 6 & 0x3F);
            put(0x80 | cp & 0x3F);
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void put(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
    }

    private void put(byte[] src, int off, int len) {
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len + 64));
        }
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }
}
