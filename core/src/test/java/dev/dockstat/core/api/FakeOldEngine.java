package dev.dockstat.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A FAKE PEER, because no engine this old can run on the test machines: answers every request
 * with an empty 200 whose {@code API-Version} is the one given (an engine older than dockstat
 * supports). Loopback only.
 */
final class FakeOldEngine implements AutoCloseable {

    private final ServerSocket server;
    private final String apiVersion;

    FakeOldEngine(String apiVersion) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.apiVersion = apiVersion;
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                readHead(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nAPI-Version: " + apiVersion + "\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 2\r\nConnection: close\r\n\r\nOK").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // server closed, or the client went away
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
