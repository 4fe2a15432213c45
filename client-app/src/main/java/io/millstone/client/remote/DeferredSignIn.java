package io.millstone.client.remote;

import java.util.function.Supplier;

/**
 * Builds the gRPC side of signing in on first use rather than with the sign-in window, so the
 * window paints before any gRPC or Netty class is loaded.
 */
public final class DeferredSignIn implements SignInService {
  private final Supplier<ChannelFactory> channels;
  private SignInService real;

  public DeferredSignIn(Supplier<ChannelFactory> channels) {
    this.channels = channels;
  }

  @Override
  public Session signIn(ServerAddress address, String username, char[] password)
      throws RemoteException {
    SignInService s;
    synchronized (this) {
      if (real == null) {
        real = new SignIn(channels.get());
      }
      s = real;
    }
    return s.signIn(address, username, password);
  }
}
