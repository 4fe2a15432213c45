package io.millstone.server.cli;

import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.millstone.server.platform.MillstoneConfig;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The network transport with its abuse limits: concurrent calls per connection, keepalive pings,
 * idle connections and HTTP/2 rapid reset (CVE-2023-44487).
 */
public final class NettyTransport {
  private NettyTransport() {}

  public static NettyServerBuilder builder(MillstoneConfig config, ServerCredentials credentials) {
    return NettyServerBuilder.forAddress(
            new InetSocketAddress(config.host(), config.port()), credentials)
        .maxConcurrentCallsPerConnection(config.maxConcurrentCallsPerConnection())
        .permitKeepAliveTime(20, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(false)
        .keepAliveTime(2, TimeUnit.MINUTES)
        .keepAliveTimeout(20, TimeUnit.SECONDS)
        .maxConnectionIdle(1, TimeUnit.HOURS)
        .maxRstFramesPerWindow(200, 10);
  }
}
