package dev.dockstat.core.transport;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportDecorator;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.spi.UnknownSchemeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The transport plugins on the class path. The one place in dockstat that calls
 * {@link ServiceLoader}; everything else asks this registry for a transport. Thread-safe.
 *
 * <p>Providers' {@linkplain TransportProvider#warnings warnings} go to a sink, once per endpoint
 * address and warning: stderr unless the caller routes them with {@link #onWarning}.
 */
public final class TransportRegistry {

    private static final Consumer<String> STDERR = message -> System.err.println("dockstat: warning: " + message);

    private final List<TransportProvider> providers;
    private final List<TransportDecorator> decorators;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    TransportRegistry(List<TransportProvider> providers, List<TransportDecorator> decorators) {
        this(providers, decorators, STDERR);
    }

    private TransportRegistry(List<TransportProvider> providers, List<TransportDecorator> decorators, Consumer<String> warnings) {
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(TransportProvider::priority).reversed())
                .toList();
        this.decorators = List.copyOf(decorators);
        this.warnings = warnings;
    }

    /** The same plugins, with warnings sent to {@code sink} (e.g. a command's stderr writer). */
    public TransportRegistry onWarning(Consumer<String> sink) {
        return new TransportRegistry(providers, decorators, sink);
    }

    /** The plugins visible to this class's loader. */
    public static TransportRegistry load() {
        return load(TransportRegistry.class.getClassLoader());
    }

    /** The plugins visible to {@code loader}, e.g. a loader over a third party's plugin jar. */
    public static TransportRegistry load(ClassLoader loader) {
        List<TransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(TransportProvider.class, loader).forEach(providers::add);
        List<TransportDecorator> decorators = new ArrayList<>();
        ServiceLoader.load(TransportDecorator.class, loader).forEach(decorators::add);
        return new TransportRegistry(providers, decorators);
    }

    /**
     * A transport for the endpoint: the highest-priority provider that serves it, wrapped by every
     * decorator that applies.
     *
     * @throws UnknownSchemeException when no provider serves the endpoint's scheme, naming those served
     * @throws TransportConfigException naming each provider and why it refused, when none fits
     */
    public Transport open(Endpoint endpoint) throws TransportConfigException {
        TransportProvider provider = choose(endpoint);
        Transport transport = provider.create(endpoint);
        for (String warning : provider.warnings(endpoint)) {
            if (warned.add(endpoint.display() + "\n" + warning)) {
                warnings.accept(warning);
            }
        }
        for (TransportDecorator decorator : decorators) {
            if (decorator.appliesTo(endpoint)) {
                transport = decorator.decorate(transport, endpoint);
            }
        }
        if (endpoint.token().isPresent() && decorators.stream().noneMatch(d -> d.appliesTo(endpoint))) {
            transport.close();
            throw new TransportConfigException("a token is set but no installed plugin sends tokens (decorators: "
                    + decorators.stream().map(TransportDecorator::name).collect(Collectors.joining(", ")) + ")");
        }
        return transport;
    }

    private TransportProvider choose(Endpoint endpoint) throws TransportConfigException {
        List<String> refusals = new ArrayList<>();
        for (TransportProvider provider : providers) {
            String refusal = provider.refusal(endpoint);
            if (refusal == null) {
                return provider;
            }
            refusals.add(provider.name() + " (" + String.join(", ", provider.schemes()) + "): " + refusal);
        }
        if (providers.isEmpty()) {
            throw new TransportConfigException("no transport plugin is installed (none found on the class path)");
        }
        if (!schemes().contains(endpoint.scheme())) {
            throw new UnknownSchemeException(endpoint.scheme(), schemes()); // no provider's refusal says more than that
        }
        throw new TransportConfigException("no transport for " + endpoint.display() + "; available schemes: "
                + String.join(", ", schemes()) + " [" + String.join("; ", refusals) + "]");
    }

    /** Every scheme some provider serves, sorted. */
    public List<String> schemes() {
        return providers.stream().flatMap(p -> p.schemes().stream()).distinct().sorted().toList();
    }

    public List<String> providerNames() {
        return providers.stream().map(TransportProvider::name).toList();
    }

    public List<String> decoratorNames() {
        return decorators.stream().map(TransportDecorator::name).toList();
    }
}
