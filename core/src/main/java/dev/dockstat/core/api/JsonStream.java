package dev.dockstat.core.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming reads of the engine's JSON with jackson-core alone: what a resident worker parses on
 * every round and every event. Data binding ({@link Json#MAPPER}) loads some 500 classes and binds
 * whole bodies; here each reader keeps the few members it needs and skips the rest unread.
 */
public final class JsonStream {

    /**
     * Parsers' buffer sets (an 8 KB read buffer and text buffers of a few KB each) kept for reuse at
     * most. A body is parsed as fast as it arrives, so few parsers are open at once; one that finds
     * the pool empty allocates its own, as without a pool.
     */
    static final int KEPT_BUFFERS = 8;

    /**
     * A parser factory that does not bring data binding in. Thread-safe. Its buffers are shared
     * through a small pool: Jackson's default keeps them per thread, and every stats request and
     * event runs on a new virtual thread, so each parse allocated them afresh (3.6 % of everything
     * a fleet worker allocated, 100 environments x 50 containers).
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newBoundedPool(KEPT_BUFFERS))
            .build();

    private JsonStream() {}

    /** Reads one member's value; must consume it (read it, or {@link JsonParser#skipChildren()}). */
    @FunctionalInterface
    public interface Member {
        void read(String name, JsonToken value) throws IOException;
    }

    /** Reads a value starting at the current token. */
    @FunctionalInterface
    public interface Value<T> {
        T read(JsonToken value) throws IOException;
    }

    /** The members of the object that starts at {@code value}; a value of another kind is skipped. */
    public static void object(JsonParser p, JsonToken value, Member member) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            member.read(name, p.nextToken());
        }
    }

    /** The elements of the array that starts at {@code value}; a value of another kind reads as empty. */
    public static <T> List<T> array(JsonParser p, JsonToken value, Value<T> element) throws IOException {
        List<T> list = new ArrayList<>();
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return list;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            list.add(element.read(t));
        }
        return list;
    }

    /** A string value; anything else (null included) reads as null. */
    public static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A counter; null, absent or not a number reads as 0, numbers past 2^63 saturate. */
    public static long number(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Long.MAX_VALUE : p.getLongValue();
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        p.skipChildren();
        return 0;
    }

    public static boolean bool(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            return value == JsonToken.VALUE_TRUE;
        }
        p.skipChildren();
        return false;
    }

    /** A string-to-string object (labels, attributes); non-string values read as their text. */
    public static Map<String, String> strings(JsonParser p, JsonToken value) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        object(p, value, (name, v) -> {
            if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                map.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        });
        return map;
    }

    /** The parser's first token, which must start an object. */
    public static JsonToken startObject(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected a JSON object, got " + t);
        }
        return t;
    }
}
