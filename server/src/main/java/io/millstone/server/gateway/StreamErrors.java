package io.millstone.server.gateway;

import io.grpc.StatusRuntimeException;

/**
 * The status for a failure of a server stream whose rows are sent from a thread of its own (after
 * the service method has returned, so the gateway's error mapping no longer sees it): the same
 * mapping, message and request id as a failure thrown from the service method.
 */
public final class StreamErrors {
  private StreamErrors() {}

  public static StatusRuntimeException of(Throwable t, String method) {
    return StatusMapper.toStatus(t, GatewayContext.requestId(), method);
  }
}
