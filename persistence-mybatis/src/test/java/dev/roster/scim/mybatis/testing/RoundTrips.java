package dev.roster.scim.mybatis.testing;

import javax.net.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what pgjdbc sends to PostgreSQL on the wire, for tests that pin how many round trips an operation costs: a
 * socket factory for the driver ({@link #url}) whose sockets watch the bytes going out. A <em>round trip</em> is a
 * burst of bytes written after the last read (the driver waits for the server's answer before it writes again);
 * the statements are read from the frontend protocol's {@code Parse}/{@code Bind}/{@code Execute} and simple
 * {@code Query} messages, so a statement the driver prepared earlier (a named one, sent as {@code Bind} only) is
 * still listed by its text. Only what the recording thread sends counts: the pool's housekeeping runs elsewhere.
 */
public final class RoundTrips {

    private static final Object LOCK = new Object();
    private static volatile Thread recording;
    private static int roundTrips;
    private static final List<String> STATEMENTS = new ArrayList<>();

    private RoundTrips() {
    }

    /** {@code jdbcUrl} with its connections made by this class (and without TLS, so that the bytes can be read). */
    public static String url(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "sslmode=disable&socketFactory="
                + CountingSocketFactory.class.getName();
    }

    /** What {@code work}, run on this thread, sent: its round trips and its statements in order. */
    public static Traffic of(Runnable work) {
        synchronized (LOCK) {
            roundTrips = 0;
            STATEMENTS.clear();
        }
        recording = Thread.currentThread();
        try {
            work.run();
        } finally {
            recording = null;
        }
        synchronized (LOCK) {
            return new Traffic(roundTrips, List.copyOf(STATEMENTS));
        }
    }

    /** The round trips and statements of one recording. */
    public record Traffic(int roundTrips, List<String> statements) {
        @Override
        public String toString() {
            return roundTrips + " round trips: " + String.join(" | ", statements);
        }
    }

    /** The driver's socket factory ({@code socketFactory=} in the URL): one watched socket per connection. */
    public static final class CountingSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() {
            return new CountingSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new CountingSocket();
            socket.connect(new java.net.InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address, port);
        }
    }

    private static final class CountingSocket extends Socket {

        private final Messages messages = new Messages();
        private boolean answered = true;
        private InputStream in;
        private OutputStream out;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        answered |= b >= 0;
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = super.read(buffer, offset, length);
                        answered |= read > 0;
                        return read;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        sent(buffer, offset, length);
                        out.write(buffer, offset, length);
                    }
                };
            }
            return out;
        }

        private void sent(byte[] buffer, int offset, int length) {
            boolean counted = Thread.currentThread() == recording;
            if (answered && counted) {
                synchronized (LOCK) {
                    roundTrips++;
                }
            }
            answered = false;
            messages.add(buffer, offset, length, counted);
        }
    }

    /** The frontend protocol's messages, parsed from the bytes a connection sends, from its startup on. */
    private static final class Messages {

        private static final int SSL_REQUEST = 80877103;
        private static final int GSS_REQUEST = 80877104;

        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final Map<String, String> prepared = new HashMap<>();
        private boolean started;
        private String unnamed = "";
        private String bound = "";

        void add(byte[] buffer, int offset, int length, boolean counted) {
            pending.write(buffer, offset, length);
            ByteBuffer bytes = ByteBuffer.wrap(pending.toByteArray());
            while (true) {
                int start = bytes.position();
                if (!started) {
                    if (bytes.remaining() < 8) {
                        break;
                    }
                    int size = bytes.getInt();
                    int code = bytes.getInt();
                    if (bytes.remaining() < size - 8) {
                        bytes.position(start);
                        break;
                    }
                    bytes.position(start + size);
                    started = code != SSL_REQUEST && code != GSS_REQUEST;
                    continue;
                }
                if (bytes.remaining() < 5) {
                    break;
                }
                char type = (char) bytes.get();
                int size = bytes.getInt();
                if (bytes.remaining() < size - 4) {
                    bytes.position(start);
                    break;
                }
                byte[] body = new byte[size - 4];
                bytes.get(body);
                message(type, body, counted);
            }
            byte[] rest = new byte[bytes.remaining()];
            bytes.get(rest);
            pending.reset();
            pending.write(rest, 0, rest.length);
        }

        private void message(char type, byte[] body, boolean counted) {
            switch (type) {
                case 'P' -> {
                    String[] texts = strings(body, 2);
                    if (texts[0].isEmpty()) {
                        unnamed = texts[1];
                    } else {
                        prepared.put(texts[0], texts[1]);
                    }
                }
                case 'B' -> {
                    String name = strings(body, 2)[1];
                    bound = name.isEmpty() ? unnamed : prepared.getOrDefault(name, "?" + name);
                }
                case 'E' -> record(bound, counted);
                case 'Q' -> record(strings(body, 1)[0], counted);
                default -> {
                }
            }
        }

        private static void record(String statement, boolean counted) {
            if (counted) {
                synchronized (LOCK) {
                    STATEMENTS.add(statement.replaceAll("\\s+", " ").trim());
                }
            }
        }

        private static String[] strings(byte[] body, int count) {
            String[] texts = new String[count];
            int from = 0;
            for (int i = 0; i < count; i++) {
                int end = from;
                while (body[end] != 0) {
                    end++;
                }
                texts[i] = new String(body, from, end - from, StandardCharsets.UTF_8);
                from = end + 1;
            }
            return texts;
        }
    }
}
