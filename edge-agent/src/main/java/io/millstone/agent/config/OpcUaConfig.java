package io.millstone.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * An {@code opcua} source as configured: one server endpoint, how the agent proves itself and
 * checks the server, and a subscription to the nodes that become tags.
 *
 * @param securityPolicy {@code Basic256Sha256} or {@code None} (the latter only with {@code
 *     allow_insecure: true})
 * @param securityMode {@code SignAndEncrypt}, {@code Sign}, or {@code None} with policy None
 * @param serverCertificate SHA-256 of the server's certificate (hex), or empty to trust the first
 *     one seen and insist on it afterwards
 * @param pkiDir where the agent keeps its application certificate and the servers it trusts
 */
public record OpcUaConfig(
    String name,
    String endpoint,
    String securityPolicy,
    String securityMode,
    Optional<String> serverCertificate,
    Optional<String> username,
    Optional<String> password,
    Path pkiDir,
    Duration publishingInterval,
    Duration samplingInterval,
    int queueSize,
    Duration requestTimeout,
    List<Node> nodes) {

  /** A monitored node; sampling interval and queue size default to the source's. */
  public record Node(String key, String nodeId, Duration samplingInterval, int queueSize) {}

  public OpcUaConfig {
    nodes = List.copyOf(nodes);
  }

  public boolean secured() {
    return !securityPolicy.equals("None");
  }

  static final Set<String> KEYS =
      Set.of(
          "type",
          "name",
          "interval",
          "endpoint",
          "security_policy",
          "security_mode",
          "allow_insecure",
          "server_certificate",
          "username",
          "password",
          "pki_dir",
          "publishing_interval",
          "sampling_interval",
          "queue_size",
          "request_timeout",
          "tags");
  static final Set<String> TAG_KEYS = Set.of("key", "node", "sampling_interval", "queue_size");

  /** Where the application certificate lives when {@code pki_dir} is not set. */
  public static final String DEFAULT_PKI_DIR = "opcua-pki";

  /**
   * Reads and checks the source's settings; a mistake names the key it is under. {@link
   * AgentConfig#load} has already made {@code pki_dir} relative to the file.
   */
  public static OpcUaConfig of(SourceConfig source) {
    String p = "source '" + source.name() + "': ";
    Settings s = new Settings("", source.options());
    s.onlyKnown(KEYS, p);
    String endpoint = s.text("endpoint", p);
    if (!endpoint.startsWith("opc.tcp://")) {
      throw new IllegalArgumentException(
          p
              + "endpoint must be an opc.tcp:// URL (e.g. opc.tcp://plc1:4840), not '"
              + endpoint
              + "'");
    }
    String policy =
        s.choice("security_policy", "Basic256Sha256", List.of("Basic256Sha256", "None"), p);
    boolean insecure = s.flag("allow_insecure", false, p);
    String mode;
    if (policy.equals("None")) {
      if (!insecure) {
        throw new IllegalArgumentException(
            p
                + "security_policy None sends readings and passwords unencrypted and lets anyone"
                + " impersonate the server; set allow_insecure: true to accept that, or use"
                + " Basic256Sha256");
      }
      mode = s.choice("security_mode", "None", List.of("None"), p);
      if (s.has("server_certificate")) {
        throw new IllegalArgumentException(
            p + "server_certificate has no effect with security_policy None");
      }
    } else {
      mode = s.choice("security_mode", "SignAndEncrypt", List.of("SignAndEncrypt", "Sign"), p);
    }
    Optional<String> fingerprint = Optional.empty();
    if (s.has("server_certificate")) {
      String v = s.text("server_certificate", p);
      if (!v.equalsIgnoreCase("first-use")) {
        try {
          fingerprint = Optional.of(AgentConfig.normaliseFingerprint(v));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              p
                  + "server_certificate must be first-use or the SHA-256 of the server's"
                  + " certificate in hex (64 digits, colons allowed), not '"
                  + v
                  + "'");
        }
      }
    }
    Optional<String> user =
        s.has("username") ? Optional.of(s.text("username", p)) : Optional.empty();
    Optional<String> password =
        s.has("password") ? Optional.of(s.raw("password").toString()) : Optional.empty();
    if (user.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException(
          p
              + (user.isPresent() ? "'password' is missing" : "'username' is missing")
              + ": give both or neither");
    }
    Path pki = Path.of(s.text("pki_dir", DEFAULT_PKI_DIR, p));
    Duration publishing = s.duration("publishing_interval", Duration.ofSeconds(1), p);
    Duration sampling = s.duration("sampling_interval", publishing, p);
    int queue = (int) s.whole("queue_size", 10, 1, 10_000, p);
    Duration timeout = s.duration("request_timeout", Duration.ofSeconds(10), p);
    List<Node> nodes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Settings t : s.list("tags", p)) {
      t.onlyKnown(TAG_KEYS, p);
      String key = t.text("key", p);
      if (!keys.add(key)) {
        throw new IllegalArgumentException(
            p + t.at("key") + ": tag key '" + key + "' is read twice in this source");
      }
      String node = t.text("node", p);
      if (NodeId.parseOrNull(node) == null) {
        throw new IllegalArgumentException(
            p
                + t.at("node")
                + " must be a node id like ns=2;s=Boiler/Pressure or ns=3;i=1001, not '"
                + node
                + "'");
      }
      nodes.add(
          new Node(
              key,
              node,
              t.duration("sampling_interval", sampling, p),
              (int) t.whole("queue_size", queue, 1, 10_000, p)));
    }
    return new OpcUaConfig(
        source.name(),
        endpoint,
        policy,
        mode,
        fingerprint,
        user,
        password,
        pki,
        publishing,
        sampling,
        queue,
        timeout,
        nodes);
  }

  @Override
  public String toString() {
    return "OpcUaConfig["
        + name
        + ", "
        + endpoint
        + ", "
        + securityPolicy
        + "/"
        + securityMode
        + ", user "
        + username.orElse("anonymous")
        + ", password hidden, "
        + nodes.size()
        + " nodes]";
  }
}
