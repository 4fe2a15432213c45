package io.millstone.client.core.print;

/**
 * One paper asked of the server in a language ("en" or "bn"), streamed into a sink. Blocks; called
 * off the UI thread. Throws {@link java.util.concurrent.CancellationException} when the sink was
 * cancelled.
 */
@FunctionalInterface
public interface PaperRequest {
  void send(String language, PaperSink sink) throws Exception;
}
