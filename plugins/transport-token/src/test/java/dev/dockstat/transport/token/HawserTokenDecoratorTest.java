package dev.dockstat.transport.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import dev.dockstat.transport.tck.ServiceFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HawserTokenDecoratorTest {

    private final HawserTokenDecorator decorator = new HawserTokenDecorator();
    private final Endpoint withToken = Endpoint.of("tcp://127.0.0.1:2377").withToken(Secret.of("tok-123", "test"));

    @Test
    void isRegisteredForServiceLoader() {
        ServiceFiles.assertRegistered(decorator);
    }

    @Test
    void appliesOnlyWhenATokenIsSet() {
        assertTrue(decorator.appliesTo(withToken));
        assertFalse(decorator.appliesTo(Endpoint.of("tcp://127.0.0.1:2377")));
    }

    @Test
    void everyPoolGetsTheHeaderAndTheWrapperHidesTheToken() throws Exception {
        List<TransportRequest> seen = new ArrayList<>();
        Transport recorder = new Transport() {
            @Override
            public TransportResponse execute(TransportRequest request) {
                seen.add(request);
                return null;
            }

            @Override
            public void close() {}
        };
        Transport decorated = decorator.decorate(recorder, withToken);
        for (TransportRequest.Pool pool : TransportRequest.Pool.values()) {
            decorated.execute(TransportRequest.get("/events", pool, Duration.ofSeconds(1)));
        }
        assertEquals(3, seen.size());
        seen.forEach(r -> assertEquals("tok-123", r.headers().get("X-Hawser-Token"), r.pool().name()));
        assertFalse(decorated.toString().contains("tok-123"), decorated.toString());
    }
}
