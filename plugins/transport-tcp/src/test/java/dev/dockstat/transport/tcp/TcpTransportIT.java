package dev.dockstat.transport.tcp;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.testbed.TestBed;
import dev.dockstat.transport.tck.TransportContract;

/** The transport contract over plain HTTP on TCP (nginx in front of the socket, 127.0.0.1:2375). */
class TcpTransportIT extends TransportContract {

    @Override
    protected Endpoint endpoint(TestBed bed) {
        return Endpoint.of(bed.tcpUri());
    }
}
