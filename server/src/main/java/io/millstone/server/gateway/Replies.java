package io.millstone.server.gateway;

import io.grpc.stub.StreamObserver;

/** How a unary service adapter answers: one value, then done. */
public final class Replies {
  private Replies() {}

  public static <T> void reply(StreamObserver<T> out, T value) {
    out.onNext(value);
    out.onCompleted();
  }
}
