package dev.dockstat.core.transport;

import java.net.Socket;
import java.net.SocketOption;

/**
 * The part of a {@link Socket} that a transport over something other than TCP (a unix socket, a child
 * process's pipes) has in common: the HTTP client sets a read timeout and TCP options on every
 * connection it makes, so the timeout is kept for the subclass's reads and the TCP and IP options,
 * which mean nothing there, are accepted and ignored rather than refused.
 */
public abstract class NonTcpSocket extends Socket {

    private volatile int soTimeout;

    /** The read timeout in milliseconds the HTTP client asked for; 0 = none. */
    protected final int readTimeoutMillis() {
        return soTimeout;
    }

    @Override
    public void setSoTimeout(int timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        soTimeout = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public boolean getTcpNoDelay() {
        return false;
    }

    @Override
    public void setKeepAlive(boolean on) {}

    @Override
    public boolean getKeepAlive() {
        return false;
    }

    @Override
    public void setReuseAddress(boolean on) {}

    @Override
    public boolean getReuseAddress() {
        return false;
    }

    @Override
    public void setSoLinger(boolean on, int linger) {}

    @Override
    public int getSoLinger() {
        return -1;
    }

    @Override
    public void setReceiveBufferSize(int size) {}

    @Override
    public void setSendBufferSize(int size) {}

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) {
        return this;
    }
}
