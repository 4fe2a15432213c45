package io.millstone.server.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.ServerCallStreamObserver;
import io.millstone.api.papers.v1.PaperChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A paper goes out in 64 KiB chunks only while the call is ready for them. */
class PaperStreamsTest {
  /** A call whose readiness the test turns on and off, as the transport would. */
  static final class Call extends ServerCallStreamObserver<PaperChunk> {
    final List<PaperChunk> sent = new ArrayList<>();
    boolean ready;
    boolean completed;
    Runnable onReady;
    Runnable onCancel;

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void setOnReadyHandler(Runnable r) {
      onReady = r;
    }

    @Override
    public void setOnCancelHandler(Runnable r) {
      onCancel = r;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setCompression(String compression) {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    @Override
    public void onNext(PaperChunk value) {
      assertThat(ready).as("sent only while ready").isTrue();
      sent.add(value);
      if (sent.size() % 2 == 0) {
        ready = false; // the transport's buffer fills every second chunk
      }
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {
      completed = true;
    }
  }

  @Test
  void chunksWaitForTheCallToBeReady() {
    byte[] data = new byte[5 * PaperStreams.CHUNK + 10];
    data[data.length - 1] = 7;
    Call call = new Call();
    PaperStreams.send(new PaperFile(data, "a.pdf", PaperFile.PDF, 3), call);
    assertThat(call.sent).isEmpty();
    int rounds = 0;
    while (!call.completed) {
      call.ready = true;
      call.onReady.run();
      rounds++;
    }
    assertThat(rounds).isEqualTo(3);
    assertThat(call.sent).hasSize(6);
    assertThat(call.sent.get(0).getFileName()).isEqualTo("a.pdf");
    assertThat(call.sent.get(0).getPages()).isEqualTo(3);
    assertThat(call.sent.get(0).getContentType()).isEqualTo("application/pdf");
    assertThat(call.sent.get(1).getFileName()).isEmpty();
    assertThat(call.sent.get(5).getData().size()).isEqualTo(10);
    assertThat(call.sent.get(5).getData().byteAt(9)).isEqualTo((byte) 7);
  }

  @Test
  void aCancelledCallIsSentNothingMore() {
    Call call = new Call();
    PaperStreams.send(
        new PaperFile(new byte[3 * PaperStreams.CHUNK], "b.pdf", PaperFile.PDF, 1), call);
    call.onCancel.run();
    call.ready = true;
    call.onReady.run();
    assertThat(call.sent).isEmpty();
    assertThat(call.completed).isFalse();
  }
}
