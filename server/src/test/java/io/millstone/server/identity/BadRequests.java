package io.millstone.server.identity;

import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** Reads the field violations a client would show next to its fields. */
public final class BadRequests {
  private BadRequests() {}

  public static List<String> fields(StatusRuntimeException e) {
    return violations(e).stream().map(BadRequest.FieldViolation::getField).toList();
  }

  public static List<BadRequest.FieldViolation> violations(StatusRuntimeException e) {
    com.google.rpc.Status st = StatusProto.fromThrowable(e);
    if (st == null) {
      return List.of();
    }
    return st.getDetailsList().stream()
        .filter(a -> a.is(BadRequest.class))
        .flatMap(
            a -> {
              try {
                return a.unpack(BadRequest.class).getFieldViolationsList().stream();
              } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                throw new AssertionError(x);
              }
            })
        .toList();
  }
}
