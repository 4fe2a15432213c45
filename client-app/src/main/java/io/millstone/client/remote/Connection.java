package io.millstone.client.remote;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One channel to one server. Watches the channel and keeps asking it to connect, so a restarted
 * server or a dropped network is picked up again without the person doing anything.
 */
public final class Connection implements AutoCloseable {
  private final ServerAddress address;
  private final ManagedChannel channel;
  private final Channel calls;
  private ScheduledExecutorService watcher;
  private volatile Consumer<ConnectionState> listener = s -> {};
  private volatile ConnectionState last;

  Connection(ServerAddress address, ManagedChannel channel) {
    this(address, channel, () -> "en");
  }

  /**
   * {@code language} names the person's language ("bn", "en") at the time of each call; every call
   * sends it as {@code accept-language}, so the server answers refusals in it.
   */
  Connection(ServerAddress address, ManagedChannel channel, Supplier<String> language) {
    this.address = address;
    this.channel = channel;
    this.calls = ClientInterceptors.intercept(channel, new AcceptLanguage(language));
  }

  public ServerAddress address() {
    return address;
  }

  /** The channel for calls, with the person's language on each. */
  Channel channel() {
    return calls;
  }

  private static final class AcceptLanguage implements ClientInterceptor {
    private static final Metadata.Key<String> KEY =
        Metadata.Key.of("accept-language", Metadata.ASCII_STRING_MARSHALLER);
    private final Supplier<String> language;

    AcceptLanguage(Supplier<String> language) {
      this.language = language;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          String tag = language.get();
          headers.put(KEY, tag == null || tag.isBlank() ? "en" : tag);
          super.start(listener, headers);
        }
      };
    }
  }

  /**
   * Reports every state change to {@code listener} (on a background thread) and reconnects when the
   * link drops. Idle channels are nudged every {@code checkMillis} so a server that went away is
   * noticed even when nobody makes a call.
   */
  public synchronized void watch(Consumer<ConnectionState> listener, long checkMillis) {
    // A rebuilt window (new language or theme) takes over from the old one.
    this.listener = listener;
    ConnectionState known = last;
    if (known != null) {
      listener.accept(known);
    }
    if (watcher != null) {
      return;
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("millstone-connection").factory());
    watcher.scheduleWithFixedDelay(
        () -> {
          ConnectivityState s = channel.getState(true);
          ConnectionState now =
              switch (s) {
                case READY -> ConnectionState.CONNECTED;
                case CONNECTING -> ConnectionState.CONNECTING;
                case IDLE -> ConnectionState.CONNECTING;
                case TRANSIENT_FAILURE -> ConnectionState.RECONNECTING;
                case SHUTDOWN -> ConnectionState.CLOSED;
              };
          if (now == ConnectionState.CONNECTING && last == ConnectionState.RECONNECTING) {
            now = ConnectionState.RECONNECTING;
          }
          if (now != last) {
            last = now;
            this.listener.accept(now);
          }
          if (s == ConnectivityState.TRANSIENT_FAILURE) {
            // Skip grpc's back-off when the server returns: try again at our own pace.
            channel.resetConnectBackoff();
          }
        },
        0,
        checkMillis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    channel.shutdownNow();
    try {
      channel.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
