package io.millstone.agent.source;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import io.millstone.server.platform.LoopbackPorts;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A real Eclipse Milo OPC UA server on loopback, as an evaporator station's would be: endpoints
 * with no security and with Basic256Sha256 SignAndEncrypt, anonymous and username logins, and
 * variables in namespace 2 that a test writes with a source timestamp. It can be stopped and
 * started again on the same port with the same certificate, as a restarted server is, or with a new
 * certificate, as an impostor would be.
 */
public final class TestOpcUaServer implements AutoCloseable {
  public static final String USER = "agent";
  public static final String PASSWORD = "evaporator-2";

  /** Client certificates the server was shown, newest last. */
  final List<X509Certificate> clientCertificates = new CopyOnWriteArrayList<>();

  private final int port;
  private final Set<String> variables;
  private KeyPair keyPair;
  private X509Certificate certificate;
  private OpcUaServer server;
  private Namespace namespace;
  private final Map<String, DataValue> values = new ConcurrentHashMap<>();

  public TestOpcUaServer(String... variables) throws Exception {
    this.variables = Set.of(variables);
    // Started again on the same port after a stop, as a server coming back.
    port = LoopbackPorts.free();
    newCertificate();
    start();
  }

  public String endpoint() {
    return "opc.tcp://127.0.0.1:" + port + "/mill";
  }

  /** The node id a client uses for one of the variables. */
  public String nodeId(String name) {
    return "ns=" + namespace.getNamespaceIndex() + ";s=" + name;
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** The server gets a different key and certificate, taking effect at the next start. */
  void newCertificate() throws Exception {
    keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    certificate =
        new SelfSignedCertificateBuilder(keyPair)
            .setCommonName("Test evaporator server")
            .setOrganization("Millstone tests")
            .setApplicationUri("urn:millstone:test:evaporator")
            .addDnsName("localhost")
            .addIpAddress("127.0.0.1")
            .build();
  }

  public void start() throws Exception {
    CertificateValidator acceptAndRemember =
        (chain, applicationUri, hostnames) -> clientCertificates.add(chain.get(0));
    KeyPair pair = keyPair;
    X509Certificate cert = certificate;
    var group =
        DefaultApplicationGroup.createAndInitialize(
            new MemoryTrustListManager(),
            new MemoryCertificateStore(),
            new RsaSha256CertificateFactory() {
              @Override
              protected KeyPair createRsaSha256KeyPair() {
                return pair;
              }

              @Override
              protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                return new X509Certificate[] {cert};
              }
            },
            acceptAndRemember);
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress("127.0.0.1")
            .setBindPort(port)
            .setHostname("127.0.0.1")
            .setPath("/mill")
            .setCertificate(cert)
            .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME);
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri("urn:millstone:test:evaporator")
            .setApplicationName(LocalizedText.english("Test evaporator server"))
            .setProductUri("urn:millstone:test")
            .setEndpoints(
                Set.of(
                    base.copy()
                        .setSecurityPolicy(SecurityPolicy.None)
                        .setSecurityMode(MessageSecurityMode.None)
                        .build(),
                    base.copy()
                        .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                        .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                        .build()))
            .setCertificateManager(
                new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
            .setIdentityValidator(
                new CompositeValidator(
                    AnonymousIdentityValidator.INSTANCE,
                    new UsernameIdentityValidator(
                        c -> USER.equals(c.getUsername()) && PASSWORD.equals(c.getPassword()))))
            .build();
    server =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    namespace = new Namespace(server);
    namespace.startup();
    server.startup().get(20, TimeUnit.SECONDS);
  }

  /** Stops the server as a restart would: sessions and subscriptions are gone. */
  public void stop() throws Exception {
    namespace.shutdown();
    server.shutdown().get(20, TimeUnit.SECONDS);
  }

  /** Writes a variable as the device behind the server would, stamped with the device's time. */
  void write(String name, Object value, Instant sourceTime, StatusCode status) {
    DataValue dv =
        new DataValue(new Variant(value), status, new DateTime(sourceTime), DateTime.now());
    values.put(name, dv);
    namespace.set(name, dv);
  }

  public void write(String name, Object value, Instant sourceTime) {
    write(name, value, sourceTime, StatusCode.GOOD);
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private final class Namespace extends ManagedNamespaceWithLifecycle {
    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

    Namespace(OpcUaServer server) {
      super(server, "urn:millstone:test:evaporator:ns");
      subscriptions = new SubscriptionModel(server, this);
      getLifecycleManager().addLifecycle(subscriptions);
      getLifecycleManager()
          .addStartupTask(
              () -> {
                for (String v : variables) {
                  UaVariableNode node =
                      UaVariableNode.builder(getNodeContext())
                          .setNodeId(new NodeId(getNamespaceIndex(), v))
                          .setBrowseName(new QualifiedName(getNamespaceIndex(), v))
                          .setDisplayName(LocalizedText.english(v))
                          .setDataType(NodeIds.BaseDataType)
                          .setValue(values.getOrDefault(v, new DataValue(Variant.NULL_VALUE)))
                          .build();
                  getNodeManager().addNode(node);
                  nodes.put(v, node);
                }
              });
    }

    void set(String name, DataValue dv) {
      UaVariableNode node = nodes.get(name);
      if (node != null) {
        node.setValue(dv);
      }
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
      subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
      subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
      subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
      subscriptions.onMonitoringModeChanged(items);
    }
  }
}
