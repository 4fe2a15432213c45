package io.millstone.server.gateway;

import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.millstone.server.platform.MillstoneConfig;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import redis.clients.jedis.RedisClient;

/**
 * The gateway: every call passes, in this order, metrics, request id and access log, error mapping,
 * the deadline cap, the per-address limit, authentication, authorization and the per-user limit,
 * before it reaches a service. Composed once, for every service on the server, including any
 * registered later by mistake without a declared permission (those are denied).
 */
public final class Gateway implements AutoCloseable {
  private final MillstoneConfig config;
  private final List<Authenticator> authenticators;
  private final MeterRegistry registry;
  private final ScheduledExecutorService scheduler;
  private final RateLimiter limiter;
  private MethodRules rules;

  public Gateway(
      MillstoneConfig config,
      List<Authenticator> authenticators,
      RedisClient redis,
      MeterRegistry registry,
      ScheduledExecutorService scheduler) {
    this.config = config;
    this.authenticators = List.copyOf(authenticators);
    this.registry = registry;
    this.scheduler = scheduler;
    this.limiter = new RateLimiter(redis, scheduler);
  }

  /** Adds the services and the gateway's interceptors to the builder. */
  public void install(ServerBuilder<?> builder, List<ServerServiceDefinition> services) {
    rules = MethodRules.from(services);
    services.forEach(builder::addService);
    builder.maxInboundMessageSize(config.maxMessageBytes());
    builder.maxInboundMetadataSize(config.maxMetadataBytes());
    // ServerBuilder runs interceptors in reverse order of addition: innermost first here.
    builder.intercept(
        new RateLimitInterceptor(
            limiter, RateLimitInterceptor.Scope.USER, config.userCallsPerSecond()));
    builder.intercept(new AuthorizationInterceptor(rules));
    builder.intercept(new AuthenticationInterceptor(rules, authenticators));
    builder.intercept(
        new RateLimitInterceptor(
            limiter, RateLimitInterceptor.Scope.ADDRESS, config.addressCallsPerSecond()));
    builder.intercept(new DeadlineInterceptor(config.maxCallDuration(), scheduler));
    builder.intercept(new ErrorMappingInterceptor());
    builder.intercept(new CallLogInterceptor());
    if (registry != null) {
      builder.intercept(new MetricCollectingServerInterceptor(registry));
    }
  }

  public MethodRules rules() {
    return rules;
  }

  @Override
  public void close() {
    limiter.close();
  }
}
