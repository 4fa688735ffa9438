package io.tribune.devdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database outage on demand for tests. In the test profile the app reaches the embedded PostgreSQL through this
 * small TCP proxy (see {@link OutageProxyConfigSourceFactory}). {@link #begin()} does to the app what a crashed
 * server does: every open connection is cut and new ones are refused (the port is closed); {@link #end()} opens
 * the port again. The database itself, its data and its other clients are untouched.
 *
 * The proxy may have been started by another class loader (Quarkus builds its configuration in more than one), so
 * tests switch it through system properties: {@code SWITCH} says what is wanted, {@code STATE} what the proxy did.
 */
public final class DatabaseOutage {

    static final String URL_PROPERTY = "io.tribune.devdb.proxy-url";
    private static final String SWITCH = "io.tribune.devdb.proxy-switch";
    private static final String STATE = "io.tribune.devdb.proxy-state";
    private static final Pattern HOST_PORT = Pattern.compile("//([^:/?]+):(\\d+)/");

    private DatabaseOutage() {
    }

    /** Cuts the app off its database; returns once every connection is closed and the port refuses new ones. */
    public static void begin() {
        flip("down");
    }

    /** Lets the app reach its database again; returns once the port accepts connections. */
    public static void end() {
        flip("up");
    }

    private static void flip(String wanted) {
        if (System.getProperty(URL_PROPERTY) == null) {
            throw new IllegalStateException("The database proxy is not running (test profile with the embedded database only)");
        }
        System.setProperty(SWITCH, wanted);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!wanted.equals(System.getProperty(STATE))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The database proxy did not switch " + wanted);
            }
            sleep(5);
        }
    }

    /** Starts the proxy in front of the embedded database once per JVM; returns the JDBC URL that goes through it. */
    static synchronized String proxy(String jdbcUrl) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalArgumentException("No host:port in " + jdbcUrl);
        }
        System.setProperty(SWITCH, "up");
        System.setProperty(STATE, "up");
        Proxy proxy = new Proxy(m.group(1), Integer.parseInt(m.group(2)));
        String url = jdbcUrl.substring(0, m.start()) + "//127.0.0.1:" + proxy.port + "/" + jdbcUrl.substring(m.end());
        System.setProperty(URL_PROPERTY, url);
        return url;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Accepts on a fixed loopback port and pumps bytes both ways; a watcher thread applies the switch. */
    private static final class Proxy {

        final String targetHost;
        final int targetPort;
        final int port;
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        volatile ServerSocket listener;
        boolean down; // guarded by open

        Proxy(String targetHost, int targetPort) {
            this.targetHost = targetHost;
            this.targetPort = targetPort;
            this.listener = listen(0);
            this.port = listener.getLocalPort();
            daemon("db-proxy-accept", () -> accept(listener));
            daemon("db-proxy-switch", this::watch);
        }

        private ServerSocket listen(int onPort) {
            try {
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 200);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not open the database proxy port", e);
            }
        }

        private void watch() {
            while (true) {
                String wanted = System.getProperty(SWITCH, "up");
                if (!wanted.equals(System.getProperty(STATE))) {
                    if (wanted.equals("down")) {
                        closeQuietly(listener);
                        synchronized (open) {
                            down = true;
                            open.forEach(DatabaseOutage::closeQuietly);
                            open.clear();
                        }
                    } else if (listener.isClosed()) {
                        synchronized (open) {
                            down = false;
                        }
                        ServerSocket server = listen(port);
                        listener = server;
                        daemon("db-proxy-accept", () -> accept(server));
                    }
                    System.setProperty(STATE, wanted);
                }
                sleep(5);
            }
        }

        private void accept(ServerSocket server) {
            while (!server.isClosed()) {
                Socket client = null;
                try {
                    client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    synchronized (open) {
                        if (down) { // accepted just before the cut
                            closeQuietly(client);
                            closeQuietly(upstream);
                            continue;
                        }
                        open.add(client);
                        open.add(upstream);
                    }
                    Socket from = client;
                    daemon("db-proxy-up", () -> pump(from, upstream));
                    daemon("db-proxy-down", () -> pump(upstream, from));
                } catch (IOException e) {
                    // the listener was closed by the switch, or one connection failed: go on while it is open
                    if (client != null) {
                        closeQuietly(client);
                    }
                }
            }
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // cut: the finally below closes both ends
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void daemon(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
