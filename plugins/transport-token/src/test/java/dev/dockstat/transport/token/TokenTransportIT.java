package dev.dockstat.transport.token;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.testbed.TestBed;
import dev.dockstat.transport.tck.TransportContract;

/** The transport contract through the Hawser-style token proxy (nginx, 127.0.0.1:2377), over plain TCP. */
class TokenTransportIT extends TransportContract {

    @Override
    protected Endpoint endpoint(TestBed bed) {
        return Endpoint.of("tcp://" + bed.tokenHostPort()).withToken(Secret.of(bed.token(), "test bed token file"));
    }
}
