package io.tribune.cdn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A stand-in for Varnish in tests: records every request's method and {@code xkey} header. */
final class PurgeListener implements AutoCloseable {

    static final int PORT = 18321;

    record Purge(String method, String path, String keys) {
    }

    final List<Purge> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    PurgeListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", exchange -> {
            received.add(new Purge(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("xkey")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    boolean receivedKey(String key) {
        return received.stream().anyMatch(p -> p.method().equals("PURGE") && p.keys() != null
                && List.of(p.keys().split(" ")).contains(key));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
