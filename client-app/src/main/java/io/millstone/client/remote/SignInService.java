package io.millstone.client.remote;

/** Signs a person in to a server. */
@FunctionalInterface
public interface SignInService {
  /** Blocking; run off the UI thread. The password is used once and not kept. */
  Session signIn(ServerAddress address, String username, char[] password) throws RemoteException;
}
