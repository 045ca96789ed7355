package dev.roster.scim.server.inspector;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that pass bytes through unchanged and copy them into a {@link CapturedExchange.Body} on the way. */
final class TeeStreams {

    private TeeStreams() {
    }

    static InputStream reading(InputStream in, CapturedExchange.Body body) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    body.add(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count > 0) {
                    body.add(buffer, offset, count);
                }
                return count;
            }
        };
    }

    static OutputStream writing(OutputStream out, CapturedExchange.Body body) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                body.add(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                body.add(buffer, offset, length);
            }
        };
    }
}
