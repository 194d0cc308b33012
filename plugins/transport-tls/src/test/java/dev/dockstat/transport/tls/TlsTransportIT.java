package dev.dockstat.transport.tls;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.testbed.TestBed;
import dev.dockstat.transport.tck.TransportContract;
import java.util.Optional;

/** The transport contract over dockerd's own mTLS listener (127.0.0.1:2376), verified by its IP SAN. */
class TlsTransportIT extends TransportContract {

    @Override
    protected Endpoint endpoint(TestBed bed) {
        return Endpoint.of(bed.tlsUri()).withTls(new TlsMaterial(Optional.of(bed.pem("ca.pem")),
                Optional.of(bed.pem("client-cert.pem")), Optional.of(Secret.of(bed.pem("client-key.pem"), "test bed")),
                false, Optional.empty()));
    }
}
