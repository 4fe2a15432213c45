package io.millstone.agent.source;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.OpcUaConfig;
import io.millstone.agent.config.SourceConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to nodes on one OPC UA server. Each data change becomes a reading with the server's
 * source timestamp and a quality from its status code (good, uncertain, bad). The client keeps its
 * session up by itself; when the server has restarted and the subscription is gone, this source
 * creates it again. Until the first connection succeeds it retries with backoff (one second
 * doubling to {@link #MAX_BACKOFF}).
 */
public final class OpcUaSource implements Source {
  private static final Logger log = LoggerFactory.getLogger(OpcUaSource.class);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final OpcUaConfig config;
  private final Map<OpcUaMonitoredItem, OpcUaConfig.Node> items = new ConcurrentHashMap<>();
  private final Set<String> warnedNoValue = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService worker;
  private Consumer<List<Sample>> sink;
  private volatile OpcUaClient client;
  private volatile OpcUaSubscription subscription;
  private volatile boolean closed;
  private volatile boolean sessionActive;
  private volatile boolean subscribed;
  private volatile String lastError = "";
  private volatile Instant lastValueAt;
  private volatile long inactiveSince = System.currentTimeMillis();
  private Duration backoff = Duration.ofSeconds(1);

  public OpcUaSource(SourceConfig source) {
    this(OpcUaConfig.of(source));
  }

  public OpcUaSource(OpcUaConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public synchronized void start(Consumer<List<Sample>> sink) {
    if (worker != null) {
      throw new IllegalStateException("source '" + name() + "' is already started");
    }
    this.sink = sink;
    worker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("source-" + name()).factory());
    worker.execute(this::connectAndSubscribe);
    long check = config.requestTimeout().toMillis();
    worker.scheduleWithFixedDelay(this::checkSession, check, check, TimeUnit.MILLISECONDS);
  }

  /**
   * The client reconnects by itself, but always to the endpoint (and server certificate) it first
   * found. A session down for longer than {@link #rediscoverAfter()} gets a fresh client that asks
   * the server for its endpoints again, so a server with a renewed certificate is seen (and then
   * accepted or refused by the trust rules) instead of being retried forever.
   */
  private void checkSession() {
    OpcUaClient c = client;
    if (closed || c == null || sessionActive) {
      return;
    }
    long down = System.currentTimeMillis() - inactiveSince;
    if (down < rediscoverAfter().toMillis()) {
      return;
    }
    log.warn(
        "Source '{}': no session for {} s; asking {} for its endpoints again",
        name(),
        down / 1000,
        config.endpoint());
    discard(c);
    connectAndSubscribe();
  }

  Duration rediscoverAfter() {
    Duration twice = config.requestTimeout().multipliedBy(2);
    return twice.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : twice;
  }

  private void discard(OpcUaClient c) {
    client = null;
    sessionActive = false;
    inactiveSince = System.currentTimeMillis();
    subscription = null;
    subscribed = false;
    items.clear();
    try {
      c.disconnectAsync().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.debug("Source '{}': disconnect: {}", name(), e.getMessage());
    }
  }

  /** Runs on the worker: gets a client, a session and the subscription, or tries again later. */
  private void connectAndSubscribe() {
    if (closed) {
      return;
    }
    try {
      if (client == null) {
        client = newClient();
      }
      client.connect();
      subscribe();
      backoff = Duration.ofSeconds(1);
      lastError = "";
    } catch (Exception e) {
      String why = OpcUaSource.message(e);
      if (!why.equals(lastError)) {
        log.warn(
            "Source '{}': cannot subscribe at {}: {}; retrying in {} ms",
            name(),
            config.endpoint(),
            why,
            backoff.toMillis());
      }
      lastError = why;
      OpcUaClient c = client;
      if (c != null) {
        discard(c); // the next try fetches the endpoints afresh
      }
      retryLater();
    }
  }

  private void retryLater() {
    if (closed) {
      return;
    }
    try {
      worker.schedule(this::connectAndSubscribe, backoff.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return; // closing
    }
    Duration next = backoff.multipliedBy(2);
    backoff = next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  private OpcUaClient newClient() throws Exception {
    OpcUaIdentity identity = config.secured() ? OpcUaIdentity.loadOrCreate(config.pkiDir()) : null;
    SecurityPolicy policy = config.secured() ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
    MessageSecurityMode mode = MessageSecurityMode.valueOf(config.securityMode());
    String host = EndpointUtil.getHost(config.endpoint());
    int port = EndpointUtil.getPort(config.endpoint());
    OpcUaClient c =
        OpcUaClient.create(
            config.endpoint(),
            endpoints -> {
              // Connect to the address we were given, whatever host name the server advertises.
              for (EndpointDescription e : endpoints) {
                if (policy.getUri().equals(e.getSecurityPolicyUri())
                    && e.getSecurityMode() == mode
                    && "opc.tcp".equals(EndpointUtil.getScheme(e.getEndpointUrl()))) {
                  return java.util.Optional.of(EndpointUtil.updateUrl(e, host, port));
                }
              }
              throw new IllegalStateException(
                  "the server offers no "
                      + config.securityPolicy()
                      + "/"
                      + config.securityMode()
                      + " endpoint; it offers "
                      + endpoints.stream()
                          .map(
                              e ->
                                  e.getSecurityPolicyUri().replaceAll(".*#", "")
                                      + "/"
                                      + e.getSecurityMode())
                          .distinct()
                          .toList());
            },
            transport -> transport.setConnectTimeout(uint(config.requestTimeout().toMillis())),
            b -> {
              b.setApplicationName(LocalizedText.english("Millstone edge agent"))
                  .setProductUri("urn:millstone:edge-agent")
                  .setRequestTimeout(uint(config.requestTimeout().toMillis()))
                  .setIdentityProvider(
                      config.username().isPresent()
                          ? new UsernameProvider(
                              config.username().get(), config.password().orElse(""))
                          : new AnonymousProvider());
              if (identity != null) {
                b.setApplicationUri(identity.applicationUri)
                    .setKeyPair(identity.keyPair)
                    .setCertificate(identity.certificate)
                    .setCertificateChain(
                        new java.security.cert.X509Certificate[] {identity.certificate})
                    .setCertificateValidator(
                        OpcUaIdentity.serverTrust(
                            config.pkiDir(), name(), config.serverCertificate()));
              } else {
                b.setApplicationUri("urn:millstone:edge-agent");
              }
            });
    c.addSessionActivityListener(
        new SessionActivityListener() {
          @Override
          public void onSessionActive(UaSession session) {
            if (client != c) {
              return; // a client this source has given up on
            }
            sessionActive = true;
            log.info("Source '{}': session open at {}", name(), config.endpoint());
            // After a server restart the old subscription could not be transferred: make it again.
            if (!subscribed && !closed) {
              worker.execute(OpcUaSource.this::resubscribe);
            }
          }

          @Override
          public void onSessionInactive(UaSession session) {
            if (client != c) {
              return;
            }
            sessionActive = false;
            inactiveSince = System.currentTimeMillis();
            if (closed) {
              return;
            }
            log.warn(
                "Source '{}': lost the session at {}; the client reconnects by itself",
                name(),
                config.endpoint());
          }
        });
    return c;
  }

  private void subscribe() throws UaException {
    if (subscription != null) {
      return;
    }
    OpcUaSubscription s = new OpcUaSubscription(client, config.publishingInterval().toMillis());
    for (OpcUaConfig.Node n : config.nodes()) {
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse(n.nodeId()));
      item.setSamplingInterval(n.samplingInterval().toMillis());
      item.setQueueSize(uint(n.queueSize()));
      items.put(item, n);
      s.addMonitoredItem(item);
    }
    s.setSubscriptionListener(
        new OpcUaSubscription.SubscriptionListener() {
          @Override
          public void onDataReceived(
              OpcUaSubscription sub, List<OpcUaMonitoredItem> changed, List<DataValue> values) {
            deliver(changed, values);
          }

          @Override
          public void onTransferFailed(OpcUaSubscription sub, StatusCode status) {
            subscribed = false;
            log.warn(
                "Source '{}': the server lost the subscription ({}); creating it again",
                name(),
                status);
            if (!closed) {
              worker.execute(OpcUaSource.this::resubscribe);
            }
          }
        });
    s.create();
    subscription = s;
    createItems();
  }

  private void resubscribe() {
    if (closed || subscribed || subscription == null) {
      return;
    }
    try {
      subscription.create();
      createItems();
      backoff = Duration.ofSeconds(1);
    } catch (Exception e) {
      String why = message(e);
      log.warn("Source '{}': cannot create the subscription again: {}", name(), why);
      lastError = why;
      try {
        worker.schedule(this::resubscribe, backoff.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        return;
      }
      Duration next = backoff.multipliedBy(2);
      backoff = next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }
  }

  private void createItems() {
    subscription.createMonitoredItems();
    int ok = 0;
    for (var e : items.entrySet()) {
      StatusCode result = e.getKey().getCreateResult().orElse(StatusCode.GOOD);
      if (result.isGood()) {
        ok++;
      } else {
        log.warn(
            "Source '{}': the server refuses node {} for tag {}: {}",
            name(),
            e.getValue().nodeId(),
            e.getValue().key(),
            result);
      }
    }
    subscribed = true;
    log.info(
        "Source '{}': subscribed to {} of {} nodes at {} (publishing every {} ms)",
        name(),
        ok,
        items.size(),
        config.endpoint(),
        config.publishingInterval().toMillis());
  }

  private void deliver(List<OpcUaMonitoredItem> changed, List<DataValue> values) {
    List<Sample> round = new ArrayList<>(changed.size());
    for (int i = 0; i < changed.size(); i++) {
      OpcUaConfig.Node node = items.get(changed.get(i));
      if (node == null) {
        continue;
      }
      Sample s = sample(node.key(), values.get(i));
      if (s != null) {
        round.add(s);
      } else if (warnedNoValue.add(node.key())) {
        log.warn(
            "Source '{}': node {} sent no usable value ({}, status {}); tag {} gets no reading"
                + " until it does",
            name(),
            node.nodeId(),
            values.get(i).getValue().getValue(),
            values.get(i).getStatusCode(),
            node.key());
      }
    }
    if (!round.isEmpty()) {
      lastValueAt = Instant.now();
      sink.accept(round);
    }
  }

  /**
   * A reading from a data value: the server's source time (its server time, or now, when the device
   * gave none), the value as the server's ingest reads it, and the status as quality. Null when
   * there is no scalar number, boolean or text to send (e.g. a bad status without a value).
   */
  static Sample sample(String key, DataValue dv) {
    Object v = dv.getValue() == null ? null : dv.getValue().getValue();
    String text;
    if (v instanceof Boolean b) {
      text = b.toString();
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      text =
          (v instanceof Float f ? new BigDecimal(f.toString()) : new BigDecimal(v.toString()))
              .stripTrailingZeros()
              .toPlainString();
    } else if (v instanceof Number n) {
      // Integers of every width, signed or unsigned (Milo's UByte … ULong print as decimals).
      text = n.toString();
    } else if (v instanceof String s && !s.isBlank()) {
      text = s;
    } else {
      return null;
    }
    StatusCode status = dv.getStatusCode() == null ? StatusCode.GOOD : dv.getStatusCode();
    int quality =
        status.isGood() ? Sample.GOOD : status.isUncertain() ? Sample.UNCERTAIN : Sample.BAD;
    DateTime t = dv.getSourceTime() != null ? dv.getSourceTime() : dv.getServerTime();
    Instant at = t == null || t.isNull() ? Instant.now() : t.getJavaInstant();
    return new Sample(key, at, text, quality);
  }

  private static String message(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }

  @Override
  public Map<String, String> status() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("connected", Boolean.toString(sessionActive && subscribed));
    m.put("last_value_at", lastValueAt == null ? "" : lastValueAt.toString());
    m.put("last_error", lastError);
    return m;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (worker != null) {
      worker.shutdownNow();
      try {
        worker.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    OpcUaClient c = client;
    if (c != null) {
      try {
        c.disconnectAsync().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("Source '{}': disconnect: {}", name(), e.getMessage());
      }
    }
  }
}
