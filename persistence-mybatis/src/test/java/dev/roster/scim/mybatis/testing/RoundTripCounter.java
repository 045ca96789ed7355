package dev.roster.scim.mybatis.testing;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between the PostgreSQL driver and a real server that counts the round trips the driver asks for: each
 * {@code Sync} of the extended protocol and each simple {@code Query} message is one wait for the server. It reads
 * the client's messages as they pass (a type byte, then a length) and forwards every byte unchanged. A batch that
 * parses the empty statement is the pool's liveness check ({@code isValid}), not the store's: it is not counted.
 */
public final class RoundTripCounter implements AutoCloseable {

    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^/:]+):(\\d+)/");

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong roundTrips = new AtomicLong();

    private RoundTripCounter(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "round-trip-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a relay to the server of {@code jdbcUrl}; {@link #relayed} gives the URL that goes through it. */
    public static RoundTripCounter to(String jdbcUrl) {
        Matcher server = HOST_AND_PORT.matcher(jdbcUrl);
        if (!server.find()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/ URL: " + jdbcUrl);
        }
        try {
            return new RoundTripCounter(server.group(1), Integer.parseInt(server.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jdbcUrl} with its host and port replaced by this relay's. */
    public String relayed(String jdbcUrl) {
        return HOST_AND_PORT.matcher(jdbcUrl).replaceFirst("jdbc:postgresql://127.0.0.1:" + listener.getLocalPort()
                + "/");
    }

    /** The round trips every connection through the relay has asked for so far. */
    public long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                daemon(() -> countAndForward(client, server), "round-trip-counter-up");
                daemon(() -> forward(server, client), "round-trip-counter-down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The startup (and any SSL request) carries no type byte; every message after it does. */
    private void countAndForward(Socket client, Socket server) {
        try (client; server) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(server.getOutputStream(), 65536);
            boolean started = false;
            boolean livenessCheck = false;
            while (true) {
                if (!started) {
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    writeInt(out, length);
                    out.write(body);
                    out.flush();
                    // 80877103 asks for SSL; the driver sends the startup after the server's answer.
                    started = length < 8 || readInt(body, 0) != 80877103;
                    continue;
                }
                int type = in.readUnsignedByte();
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (body.length != length - 4) {
                    throw new EOFException();
                }
                out.write(type);
                writeInt(out, length);
                out.write(body);
                if (type == 'P') {
                    livenessCheck |= emptyQuery(body);
                } else if (type == 'Q') {
                    roundTrips.incrementAndGet();
                } else if (type == 'S') {
                    if (!livenessCheck) {
                        roundTrips.incrementAndGet();
                    }
                    livenessCheck = false;
                }
                // Forward as the driver sent: what arrived together leaves together.
                if (in.available() == 0) {
                    out.flush();
                }
                if (type == 'X') {
                    return;
                }
            }
        } catch (IOException e) {
            // The connection ended.
        }
    }

    /** A Parse message: statement name, then query, each ending in a zero byte. */
    private static boolean emptyQuery(byte[] parse) {
        int nameEnd = 0;
        while (nameEnd < parse.length && parse[nameEnd] != 0) {
            nameEnd++;
        }
        return nameEnd + 1 < parse.length && parse[nameEnd + 1] == 0;
    }

    private static void forward(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // The connection ended.
        }
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
