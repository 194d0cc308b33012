package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.TransportConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredEndpointTest {

    static Endpoint of(EnvConfig config, Secret token) throws TransportConfigException {
        return ConfiguredEndpoint.of(new Inbound.Configure(1, "x", "direct", token, config));
    }

    @Test
    void socketDefaultsToDockersPath() throws Exception {
        assertEquals("unix:///var/run/docker.sock", of(new EnvConfig("socket", null, null, 0, null, null, null, false), null).display());
        assertEquals("unix:///run/user/1000/docker.sock", of(new EnvConfig("socket", "/run/user/1000/docker.sock", null, 0, null, null, null, false), null).display());
    }

    @Test
    void httpIsPlainTcp() throws Exception {
        Endpoint e = of(new EnvConfig("http", null, "127.0.0.1", 2375, null, null, null, false), null);
        assertEquals("tcp://127.0.0.1:2375", e.display());
        assertTrue(e.tls().isEmpty());
        assertEquals("tcp://[::1]:2375", of(new EnvConfig("http", null, "::1", 2375, null, null, null, false), null).display());
    }

    @Test
    void httpsCarriesThePemTextsAndTheHostAsVerificationName() throws Exception {
        Endpoint e = of(new EnvConfig("https", null, "127.0.0.1", 2376, "CA", "CERT", Secret.of("KEY", "t"), false), null);
        TlsMaterial tls = e.tls().orElseThrow();
        assertEquals(Optional.of("CA"), tls.caPem());
        assertEquals(Optional.of("CERT"), tls.certPem());
        assertEquals("KEY", tls.keyPem().orElseThrow().reveal());
        assertEquals(Optional.of("127.0.0.1"), tls.serverName());
        assertFalse(e.toString().contains("KEY"));
    }

    @Test
    void aClientCertificateNeedsBothCertAndKeyAsInTheGoWorker() throws Exception {
        TlsMaterial tls = of(new EnvConfig("https", null, "h", 2376, null, "CERT", null, true), null).tls().orElseThrow();
        assertTrue(tls.certPem().isEmpty());
        assertTrue(tls.skipVerify());
    }

    @Test
    void aTokenGoesWithTheEndpoint() throws Exception {
        Endpoint e = of(new EnvConfig("http", null, "127.0.0.1", 2377, null, null, null, false), Secret.of("s3cret", "t"));
        assertEquals("s3cret", e.token().orElseThrow().reveal());
        assertFalse(e.toString().contains("s3cret"));
    }

    @Test
    void configurationsThatCannotWorkSayWhy() {
        assertEquals("unsupported connection type: ssh", assertThrows(TransportConfigException.class,
                () -> of(new EnvConfig("ssh", null, "h", 22, null, null, null, false), null)).getMessage());
        assertEquals("unsupported connection type: ", assertThrows(TransportConfigException.class,
                () -> of(new EnvConfig(null, null, null, 0, null, null, null, false), null)).getMessage());
        assertEquals("http needs a host", assertThrows(TransportConfigException.class,
                () -> of(new EnvConfig("http", null, "", 2375, null, null, null, false), null)).getMessage());
        assertEquals("https needs a port from 1 to 65535, got 0", assertThrows(TransportConfigException.class,
                () -> of(new EnvConfig("https", null, "h", 0, null, null, null, false), null)).getMessage());
        assertEquals("socketPath must be absolute: docker.sock", assertThrows(TransportConfigException.class,
                () -> of(new EnvConfig("socket", "docker.sock", null, 0, null, null, null, false), null)).getMessage());
    }
}
