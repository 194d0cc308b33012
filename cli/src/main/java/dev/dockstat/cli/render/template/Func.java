package dev.dockstat.cli.render.template;

import java.util.List;

/**
 * A function a template can call: its Go parameter types (for the argument checks and messages
 * of text/template) and what it does. Types: {@code string}, {@code int}, {@code []string},
 * {@code any} (interface{}) and {@code value} (reflect.Value: anything, a missing value included).
 */
record Func(String name, List<String> params, boolean variadic, Body body) {

    @FunctionalInterface
    interface Body {
        /** @throws Failure for an error the function returns (reported as "error calling NAME: ...") */
        Object apply(List<Object> args);
    }

    /** An error a Go function returns. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    static Func of(String name, Body body, String... params) {
        return new Func(name, List.of(params), false, body);
    }

    static Func variadic(String name, Body body, String... params) {
        return new Func(name, List.of(params), true, body);
    }

    /** The type of the i-th argument. */
    String paramType(int i) {
        if (variadic && i >= params.size() - 1) {
            return params.get(params.size() - 1);
        }
        return params.get(i);
    }
}
