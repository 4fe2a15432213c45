package io.millstone.client.remote;

import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Runs one blocking call and turns a failure into a {@link RemoteException}. */
final class Calls {
  private Calls() {}

  static <T> T call(Supplier<T> call) throws RemoteException {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw StatusTranslator.translate(e, false);
    }
  }

  static <T> T signIn(Supplier<T> call) throws RemoteException {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw StatusTranslator.translate(e, true);
    }
  }
}
