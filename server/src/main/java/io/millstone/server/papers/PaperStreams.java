package io.millstone.server.papers;

import com.google.protobuf.ByteString;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.millstone.api.papers.v1.PaperChunk;

/**
 * Sends a finished file as {@link PaperChunk}s of 64 KiB: the first names the file, its type and
 * pages. Chunks go out only while the transport is ready for them (gRPC flow control), so a slow
 * client holds back the sending instead of the server buffering the whole file again.
 */
public final class PaperStreams {
  /** The size of one chunk. */
  public static final int CHUNK = 64 * 1024;

  private PaperStreams() {}

  /** Streams {@code file} to {@code out} and completes it; call from the RPC's handler. */
  public static void send(PaperFile file, StreamObserver<PaperChunk> out) {
    if (!(out instanceof ServerCallStreamObserver<PaperChunk> server)) {
      // Not on a server call (a direct caller): no flow control to honour.
      Sender s = new Sender(file, null, out);
      do {
        s.next();
      } while (!s.finished());
      out.onCompleted();
      return;
    }
    Sender s = new Sender(file, server, out);
    server.setOnCancelHandler(s::cancel);
    server.setOnReadyHandler(s::drain);
    s.drain();
  }

  private static final class Sender {
    private final PaperFile file;
    private final ServerCallStreamObserver<PaperChunk> server;
    private final StreamObserver<PaperChunk> out;
    private int offset;
    private boolean first = true;
    private boolean done;

    Sender(
        PaperFile file,
        ServerCallStreamObserver<PaperChunk> server,
        StreamObserver<PaperChunk> out) {
      this.file = file;
      this.server = server;
      this.out = out;
    }

    synchronized void cancel() {
      done = true;
    }

    /** Sends while the call is ready; completes after the last chunk. */
    synchronized void drain() {
      while (!done && server.isReady()) {
        next();
        if (finished()) {
          done = true;
          out.onCompleted();
        }
      }
    }

    /** Whether the last chunk has gone (an empty file still sends its first, naming chunk). */
    boolean finished() {
      return !first && offset >= file.data().length;
    }

    /** Sends the next chunk. */
    void next() {
      byte[] data = file.data();
      int n = Math.min(CHUNK, data.length - offset);
      PaperChunk.Builder c = PaperChunk.newBuilder().setData(ByteString.copyFrom(data, offset, n));
      if (first) {
        c.setFileName(file.fileName()).setContentType(file.contentType()).setPages(file.pages());
        first = false;
      }
      offset += n;
      out.onNext(c.build());
    }
  }
}
