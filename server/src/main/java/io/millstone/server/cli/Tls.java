package io.millstone.server.cli;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.millstone.server.platform.MillstoneConfig;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how the gRPC port is protected: plaintext only on a loopback address; otherwise TLS with
 * the configured certificate, or a self-signed one generated on first start (its SHA-256
 * fingerprint is printed so clients can pin it).
 */
public final class Tls {
  private static final Logger log = LoggerFactory.getLogger(Tls.class);

  /** The credentials to listen with, and the fingerprint of the certificate if TLS is on. */
  public record Listening(ServerCredentials credentials, String fingerprint) {
    public boolean tls() {
      return fingerprint != null;
    }
  }

  private Tls() {}

  public static boolean isLoopback(String host) throws IOException {
    InetAddress[] all = InetAddress.getAllByName(host);
    for (InetAddress a : all) {
      if (!a.isLoopbackAddress()) {
        return false;
      }
    }
    return true;
  }

  public static Listening credentialsFor(MillstoneConfig config) throws IOException {
    boolean loopback = isLoopback(config.host());
    if (loopback && !config.tlsOnLoopback() && config.tlsCert().isEmpty()) {
      return new Listening(InsecureServerCredentials.create(), null);
    }
    Path cert;
    Path key;
    if (config.tlsCert().isPresent()) {
      cert = config.tlsCert().get();
      key = config.tlsKey().orElseThrow();
    } else {
      Path dir = config.dataDir().resolve("tls");
      cert = dir.resolve("server.crt");
      key = dir.resolve("server.key");
      if (!Files.exists(cert) || !Files.exists(key)) {
        generateSelfSigned(config.host(), cert, key);
        log.info("Generated a self-signed TLS certificate in {}", dir);
      }
    }
    String fp = fingerprint(cert);
    return new Listening(TlsServerCredentials.create(cert.toFile(), key.toFile()), fp);
  }

  /** SHA-256 of the certificate's DER encoding, as colon-separated hex. */
  public static String fingerprint(Path certPem) throws IOException {
    try (var in = Files.newInputStream(certPem)) {
      X509Certificate c =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    } catch (CertificateException | NoSuchAlgorithmException e) {
      throw new IOException("Cannot read certificate " + certPem + ": " + e.getMessage(), e);
    }
  }

  static void generateSelfSigned(String host, Path certFile, Path keyFile) throws IOException {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256, new SecureRandom());
      KeyPair kp = g.generateKeyPair();
      X500Name name = new X500Name("CN=Millstone server " + host);
      Instant now = Instant.now();
      List<GeneralName> sans = new ArrayList<>();
      sans.add(new GeneralName(GeneralName.dNSName, "localhost"));
      sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      String self = InetAddress.getLocalHost().getHostName();
      sans.add(new GeneralName(GeneralName.dNSName, self));
      if (!host.equals("0.0.0.0") && !host.equals("::") && !host.equals("127.0.0.1")) {
        boolean ip = host.matches("[0-9.]+") || host.contains(":");
        sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
      }
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              name,
              kp.getPublic());
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(GeneralName[]::new)));
      X509CertificateHolder holder =
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
      Files.createDirectories(certFile.getParent());
      try (Writer w = Files.newBufferedWriter(certFile, StandardCharsets.US_ASCII);
          JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(holder);
      }
      Files.deleteIfExists(keyFile);
      Files.createFile(
          keyFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer w = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII);
          JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(
            new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(kp.getPrivate(), null));
      }
    } catch (NoSuchAlgorithmException | OperatorCreationException e) {
      throw new IOException("Cannot generate a TLS certificate: " + e.getMessage(), e);
    }
  }
}
