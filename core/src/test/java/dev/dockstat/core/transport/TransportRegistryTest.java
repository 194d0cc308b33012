package dev.dockstat.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportRegistryTest {

    record Fake(String name, List<String> schemes, int priority) implements TransportProvider {
        @Override public String refusal(Endpoint e) {
            return schemes.contains(e.scheme()) ? null : "serves " + schemes + " only";
        }
        @Override public Transport create(Endpoint e) {
            return new Transport() {
                @Override public dev.dockstat.core.spi.TransportResponse execute(dev.dockstat.core.spi.TransportRequest r) {
                    throw new UnsupportedOperationException(name);
                }
                @Override public void close() { }
                @Override public String toString() { return name; }
            };
        }
    }

    @Test
    void noProviderListsTheSchemesAndWhyEachRefused() {
        TransportProvider picky = new TransportProvider() {
            @Override public String name() { return "tls"; }
            @Override public List<String> schemes() { return List.of("tcp"); }
            @Override public String refusal(Endpoint e) { return "needs TLS settings"; }
            @Override public Transport create(Endpoint e) { throw new UnsupportedOperationException(); }
        };
        var registry = new TransportRegistry(List.of(new Fake("unix", List.of("unix"), 0), picky), List.of());
        var e = assertThrows(TransportConfigException.class, () -> registry.open(Endpoint.of("tcp://host:1")));
        assertTrue(e.getMessage().contains("available schemes: tcp, unix"), e.getMessage());
        assertTrue(e.getMessage().contains("unix (unix): serves [unix] only"), e.getMessage());
        assertTrue(e.getMessage().contains("tls (tcp): needs TLS settings"), e.getMessage());
    }

    @Test
    void aSchemeNoProviderServesIsOneLineNamingTheSchemesServed() {
        var registry = new TransportRegistry(List.of(new Fake("unix", List.of("unix"), 0), new Fake("tcp", List.of("tcp", "http"), 0)), List.of());
        var e = assertThrows(dev.dockstat.core.spi.UnknownSchemeException.class, () -> registry.open(Endpoint.of("nope://user@host")));
        assertEquals("unknown scheme 'nope'; available schemes: http, tcp, unix", e.getMessage());
    }

    @Test
    void highestPriorityWins() throws Exception {
        var registry = new TransportRegistry(List.of(new Fake("low", List.of("tcp"), 0), new Fake("high", List.of("tcp"), 5)), List.of());
        assertEquals("high", registry.open(Endpoint.of("tcp://h:1")).toString());
    }

    @Test
    void aTokenWithoutATokenPluginIsRefused() {
        var registry = new TransportRegistry(List.of(new Fake("tcp", List.of("tcp"), 0)), List.of());
        Endpoint withToken = Endpoint.of("tcp://h:1").withToken(dev.dockstat.core.spi.Secret.of("s3cret-value", "test"));
        var e = assertThrows(TransportConfigException.class, () -> registry.open(withToken));
        assertTrue(!e.getMessage().contains("s3cret-value"));
    }

    @Test
    void warningsGoToTheSinkOncePerEndpoint() throws Exception {
        Fake tcp = new Fake("lax", List.of("tcp"), 0);
        TransportProvider cautious = new TransportProvider() {
            @Override public String name() { return tcp.name(); }
            @Override public List<String> schemes() { return tcp.schemes(); }
            @Override public String refusal(Endpoint e) { return tcp.refusal(e); }
            @Override public Transport create(Endpoint e) { return tcp.create(e); }
            @Override public List<String> warnings(Endpoint e) {
                return List.of("verification is off for " + e.display());
            }
        };
        List<String> seen = new java.util.ArrayList<>();
        var registry = new TransportRegistry(List.of(cautious), List.of()).onWarning(seen::add);
        registry.open(Endpoint.of("tcp://a:1"));
        registry.open(Endpoint.of("tcp://a:1"));
        registry.open(Endpoint.of("tcp://b:1"));
        assertEquals(List.of("verification is off for tcp://a:1", "verification is off for tcp://b:1"), seen);
    }
}
