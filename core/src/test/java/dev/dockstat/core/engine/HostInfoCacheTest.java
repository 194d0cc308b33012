package dev.dockstat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.EngineUnreachableException;
import dev.dockstat.core.model.EngineInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostInfoCacheTest {

    private long now;
    private int asked;
    private boolean failing;
    private final HostInfoCache cache = new HostInfoCache(Duration.ofMinutes(5), () -> now);

    private EngineInfo ask() {
        asked++;
        if (failing) {
            throw new EngineUnreachableException("unix:///var/run/docker.sock", "connection refused", null);
        }
        return new EngineInfo("engine", 2, 8L << 30, "20.10.24", "Debian", "1", asked, asked);
    }

    @Test
    void askedOnceWhileFreshThenAgainWhenOld() throws Exception {
        EngineInfo first = cache.get(this::ask);
        now += Duration.ofMinutes(4).toNanos();
        assertSame(first, cache.get(this::ask));
        assertEquals(1, asked);
        now += Duration.ofMinutes(1).toNanos();
        cache.get(this::ask);
        assertEquals(2, asked);
    }

    @Test
    void askedAgainAfterTheEngineWasAway() throws Exception {
        cache.get(this::ask);
        cache.forget();
        cache.get(this::ask);
        assertEquals(2, asked);
    }

    @Test
    void aFailedAskIsNotKept() throws Exception {
        cache.get(this::ask);
        now += Duration.ofMinutes(5).toNanos();
        failing = true;
        assertThrows(DockerException.class, () -> cache.get(this::ask));
        failing = false;
        cache.get(this::ask);
        assertEquals(3, asked, "the round after a failure asks again");
    }
}
