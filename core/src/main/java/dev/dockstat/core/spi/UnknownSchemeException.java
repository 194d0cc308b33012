package dev.dockstat.core.spi;

import java.util.List;

/**
 * An engine address whose scheme no installed transport serves (e.g. {@code ssh://} without the ssh
 * plugin): a choice the user made that cannot be honoured, as against settings a provider refused.
 */
public final class UnknownSchemeException extends TransportConfigException {

    public UnknownSchemeException(String scheme, List<String> available) {
        super("unknown scheme '" + scheme + "'; available schemes: " + String.join(", ", available));
    }
}
