package dev.dockstat.transport.unix;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.testbed.TestBed;
import dev.dockstat.transport.tck.TransportContract;

/** The transport contract over the engine's unix socket. */
class UnixTransportIT extends TransportContract {

    @Override
    protected Endpoint endpoint(TestBed bed) {
        return Endpoint.of(bed.socketUri());
    }
}
