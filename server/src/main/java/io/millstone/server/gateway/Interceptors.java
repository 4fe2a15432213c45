package io.millstone.server.gateway;

import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;

/** Small helpers shared by the gateway's interceptors. */
final class Interceptors {
  private Interceptors() {}

  /** Ends the call with the error and returns a listener that ignores whatever else arrives. */
  static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(
      ServerCall<ReqT, RespT> call, StatusRuntimeException e) {
    call.close(e.getStatus(), StatusMapper.trailersOf(e));
    return new ServerCall.Listener<>() {};
  }

  static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(
      ServerCall<ReqT, RespT> call, RuntimeException e) {
    return refuse(
        call,
        StatusMapper.toStatus(
            e, GatewayContext.requestId(), call.getMethodDescriptor().getFullMethodName()));
  }
}
