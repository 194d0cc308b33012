package dev.dockstat.core.spi;

/**
 * Connection pool sizes of one environment.
 *
 * @param request ordinary API calls (Dockhand's worker uses 16)
 * @param fanout stats requests of one round in flight together: the stats concurrency cap
 * @param stream long-lived streams (Dockhand's worker uses 4)
 */
public record PoolSizes(int request, int fanout, int stream) {

    public static final int DEFAULT_FANOUT = 128;
    public static final PoolSizes DEFAULTS = new PoolSizes(16, DEFAULT_FANOUT, 4);

    public PoolSizes {
        if (request < 1 || fanout < 1 || stream < 1) {
            throw new IllegalArgumentException("pool sizes must be >= 1");
        }
    }

    public PoolSizes withFanout(int size) {
        return new PoolSizes(request, size, stream);
    }

    public int of(TransportRequest.Pool pool) {
        return switch (pool) {
            case REQUEST -> request;
            case FANOUT -> fanout;
            case STREAM -> stream;
        };
    }
}
