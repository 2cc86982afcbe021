package org.pylock4j.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the launcher ({@link Launcher}) and the background JVM ({@link Daemon}) say to each other
 * over a Unix domain socket. JDK classes only: it is in the launcher jar.
 *
 * <p>The client sends one {@link Request}; the daemon answers with frames, in this order:
 * {@code REFUSE} (not this daemon's request: the client runs the command itself), or {@code
 * ACCEPT ( OUT | ERR )* EXIT}. The client sends nothing after its request: the daemon reads end of
 * stream on the socket as "the client is gone" and interrupts the run. Integers are big-endian;
 * a string is its UTF-8 length (int) and bytes. Every count and length read is bounded.
 */
final class LauncherProtocol {

  /** Changed whenever the messages change; a daemon refuses a request of another version. */
  static final int VERSION = 1;

  static final int MAGIC = 0x504C344A; // "PL4J"

  static final byte ACCEPT = 1;
  static final byte REFUSE = 2;
  static final byte OUT = 3;
  static final byte ERR = 4;
  static final byte EXIT = 5;

  /** The most bytes of output one frame carries. */
  static final int MAX_CHUNK = 64 * 1024;
  /** The most bytes of one string of a request (an argument, a variable, the directory). */
  static final int MAX_STRING = 1024 * 1024;
  /** The most arguments, and the most environment variables, of a request. */
  static final int MAX_COUNT = 64 * 1024;

  private LauncherProtocol() {}

  /**
   * One run of the command.
   *
   * @param key what the daemon must have been started for (see {@link Launcher#keyOf})
   * @param directory the client's working directory
   * @param console whether the client has a console ({@code System.console() != null})
   * @param styled whether picocli would style help in the client's JVM (see {@link Launcher#styled})
   * @param environment the client's environment variables
   * @param args the command line
   */
  record Request(
      String key,
      String directory,
      boolean console,
      boolean styled,
      Map<String, String> environment,
      List<String> args) {
    Request {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(directory, "directory");
      environment = Map.copyOf(environment);
      args = List.copyOf(args);
    }
  }

  static void write(Request request, OutputStream out) throws IOException {
    Writer w = new Writer();
    w.putInt(MAGIC);
    w.putInt(VERSION);
    w.putString(request.key());
    w.putString(request.directory());
    w.putByte(request.console() ? 1 : 0);
    w.putByte(request.styled() ? 1 : 0);
    w.putInt(request.environment().size());
    for (Map.Entry<String, String> e : request.environment().entrySet()) {
      w.putString(e.getKey());
      w.putString(e.getValue());
    }
    w.putInt(request.args().size());
    for (String arg : request.args()) {
      w.putString(arg);
    }
    out.write(w.bytes.toByteArray());
    out.flush();
  }

  /**
   * Reads a request.
   *
   * @throws IOException when the stream ends early, or is not a request of this {@link #VERSION}
   *     (the message says which)
   */
  static Request read(InputStream in) throws IOException {
    Reader r = new Reader(in);
    if (r.getInt() != MAGIC) {
      throw new IOException("not a pylock4j launcher request");
    }
    int version = r.getInt();
    if (version != VERSION) {
      throw new IOException("protocol version " + version + ", not " + VERSION);
    }
    String key = r.getString();
    String directory = r.getString();
    boolean console = r.bytes(1)[0] == 1;
    boolean styled = r.bytes(1)[0] == 1;
    int variables = r.getCount();
    Map<String, String> environment = new LinkedHashMap<>();
    for (int i = 0; i < variables; i++) {
      environment.put(r.getString(), r.getString());
    }
    int count = r.getCount();
    List<String> args = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      args.add(r.getString());
    }
    return new Request(key, directory, console, styled, environment, args);
  }

  /** A frame without data ({@code ACCEPT}), with a string ({@code REFUSE}) or a code ({@code EXIT}). */
  static byte[] frame(byte type, int code) {
    return ByteBuffer.allocate(5).put(type).putInt(code).array();
  }

  static byte[] refusal(String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(5 + text.length).put(REFUSE).putInt(text.length).put(text).array();
  }

  /** An {@code OUT} or {@code ERR} frame of {@code length} ({@code <= MAX_CHUNK}) bytes. */
  static byte[] chunk(byte type, byte[] data, int offset, int length) {
    return ByteBuffer.allocate(5 + length).put(type).putInt(length).put(data, offset, length).array();
  }

  /** A frame the client read: its type, and the data ({@code OUT}, {@code ERR}, {@code REFUSE}) or code ({@code EXIT}). */
  record Frame(byte type, byte[] data, int code) {}

  /** The next frame, or null at the end of the stream. */
  static Frame next(InputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    Reader r = new Reader(in);
    int value = r.getInt();
    return switch (type) {
      case ACCEPT, EXIT -> new Frame((byte) type, new byte[0], value);
      case OUT, ERR, REFUSE -> {
        if (value < 0 || value > Math.max(MAX_CHUNK, MAX_STRING)) {
          throw new IOException("a frame of " + value + " bytes");
        }
        yield new Frame((byte) type, r.bytes(value), 0);
      }
      default -> throw new IOException("unknown frame type " + type);
    };
  }

  /**
   * An output stream that sends what is written as {@code type} frames over {@code channel}.
   * Writes straight to the channel (not through {@code Channels.newOutputStream}, which would
   * wait for a concurrent read of the same channel to end).
   */
  static OutputStream frames(ByteChannel channel, byte type) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
          int n = Math.min(len, MAX_CHUNK);
          writeFully(channel, chunk(type, b, off, n));
          off += n;
          len -= n;
        }
      }
    };
  }

  /** Writes all of {@code bytes}; frames of concurrent writers never interleave. */
  static void writeFully(ByteChannel channel, byte[] bytes) throws IOException {
    synchronized (channel) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /** An input stream reading straight from {@code channel} (see {@link #frames}). */
  static InputStream input(ByteChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n;
        do {
          n = channel.read(ByteBuffer.wrap(b, off, len));
        } while (n == 0);
        return n;
      }
    };
  }

  private static final class Writer {
    final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    void putByte(int b) {
      bytes.write(b);
    }

    void putInt(int v) {
      bytes.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
    }

    void putString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      putInt(b.length);
      bytes.writeBytes(b);
    }
  }

  private static final class Reader {
    final InputStream in;

    Reader(InputStream in) {
      this.in = in;
    }

    byte[] bytes(int n) throws IOException {
      byte[] b = in.readNBytes(n);
      if (b.length != n) {
        throw new EOFException("the stream ended inside a message");
      }
      return b;
    }

    int getInt() throws IOException {
      return ByteBuffer.wrap(bytes(4)).getInt();
    }

    int getCount() throws IOException {
      int n = getInt();
      if (n < 0 || n > MAX_COUNT) {
        throw new IOException("a count of " + n + " (at most " + MAX_COUNT + ")");
      }
      return n;
    }

    String getString() throws IOException {
      int n = getInt();
      if (n < 0 || n > MAX_STRING) {
        throw new IOException("a string of " + n + " bytes (at most " + MAX_STRING + ")");
      }
      return new String(bytes(n), StandardCharsets.UTF_8);
    }
  }
}
