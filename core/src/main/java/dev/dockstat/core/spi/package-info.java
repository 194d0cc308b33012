/**
 * The transport SPI: the only types a transport plugin needs. {@link dev.dockstat.core.spi.TransportProvider}
 * builds a {@link dev.dockstat.core.spi.Transport} for an {@link dev.dockstat.core.spi.Endpoint};
 * {@link dev.dockstat.core.spi.TransportDecorator}s wrap it. Core finds both with
 * {@link java.util.ServiceLoader} in exactly one place, {@code dev.dockstat.core.transport.TransportRegistry}.
 */
package dev.dockstat.core.spi;
