package dev.dockstat.cli.render;

import java.util.regex.Pattern;

/**
 * An image reference as docker's {@code reference} package reads one, for display: domain, path,
 * tag and digest, and the "familiar" form users type ({@code nginx} for
 * {@code docker.io/library/nginx}).
 *
 * @param tag null when the reference has none
 * @param digest null when the reference has none
 */
record ImageReference(String domain, String path, String tag, String digest) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final String DEFAULT_DOMAIN = "docker.io";

    /** The normalized reference, or null when docker would reject it. */
    static ImageReference parse(String ref) {
        String rest = ref;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return null;
            }
        }
        String domain = DEFAULT_DOMAIN;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                domain = first;
                path = rest.substring(slash + 1);
            }
        }
        if (domain.equals(DEFAULT_DOMAIN) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (!NAME.matcher(path).matches()) {
            return null;
        }
        return new ImageReference(domain, path, tag, digest);
    }

    /** {@code reference.FamiliarName}: without {@code docker.io/} and {@code library/}. */
    String familiarName() {
        if (!domain.equals(DEFAULT_DOMAIN)) {
            return domain + "/" + path;
        }
        return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
    }

    /** The familiar name with its tag, digest dropped (the IMAGE column of a truncated container list). */
    String familiarWithoutDigest() {
        return familiarName() + (tag == null ? "" : ":" + tag);
    }
}
