package io.millstone.client.remote;

import io.grpc.CallOptions;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Asks a loopback server's standard gRPC health service whether it is SERVING; exits 0 if so.
 * {@code ./millstone demo} uses it to wait for the server before opening the client.
 */
public final class HealthProbe {
  private HealthProbe() {}

  /** Passes bytes through: the health messages are tiny and read by hand. */
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  static boolean serving(ServerAddress address) {
    ManagedChannel ch =
        NettyChannelBuilder.forAddress(
                address.host(), address.port(), InsecureChannelCredentials.create())
            .build();
    try {
      MethodDescriptor<byte[], byte[]> check =
          MethodDescriptor.<byte[], byte[]>newBuilder()
              .setType(MethodDescriptor.MethodType.UNARY)
              .setFullMethodName("grpc.health.v1.Health/Check")
              .setRequestMarshaller(BYTES)
              .setResponseMarshaller(BYTES)
              .build();
      // HealthCheckResponse { status = SERVING (1) } is the two bytes 08 01.
      byte[] r =
          ClientCalls.blockingUnaryCall(
              ch, check, CallOptions.DEFAULT.withDeadlineAfter(2, TimeUnit.SECONDS), new byte[0]);
      return r.length == 2 && r[0] == 0x08 && r[1] == 0x01;
    } catch (StatusRuntimeException e) {
      return false;
    } finally {
      ch.shutdownNow();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    ServerAddress address = ServerAddress.parse(args.length > 0 ? args[0] : "127.0.0.1:50051");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    do {
      if (serving(address)) {
        System.exit(0);
      }
      Thread.sleep(500);
    } while (System.nanoTime() < until);
    System.exit(1);
  }
}
