package io.millstone.agent.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's OPC UA application certificate and the servers it trusts, kept in the agent's {@code
 * pki_dir}:
 *
 * <pre>
 *   agent.p12               key and certificate (owner-only; the file's permissions protect it)
 *   agent-certificate.der   the certificate alone, to put on the server's trust list
 *   trusted/NAME.der        the server certificate a source accepted (first use or pinned)
 * </pre>
 */
final class OpcUaIdentity {
  private static final Logger log = LoggerFactory.getLogger(OpcUaIdentity.class);
  // The key store is protected by its file permissions, like the device credential; a password
  // written next to it would add nothing.
  private static final char[] STORE_PASSWORD = "millstone-agent".toCharArray();
  private static final String ALIAS = "agent";

  final KeyPair keyPair;
  final X509Certificate certificate;
  final String applicationUri;

  private OpcUaIdentity(KeyPair keyPair, X509Certificate certificate, String applicationUri) {
    this.keyPair = keyPair;
    this.certificate = certificate;
    this.applicationUri = applicationUri;
  }

  /** Loads the application certificate from {@code pkiDir}, making one on first use. */
  static synchronized OpcUaIdentity loadOrCreate(Path pkiDir) throws IOException {
    Path store = pkiDir.resolve("agent.p12");
    try {
      if (Files.exists(store)) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
          ks.load(in, STORE_PASSWORD);
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
        PrivateKey key = (PrivateKey) ks.getKey(ALIAS, STORE_PASSWORD);
        String uri =
            CertificateUtil.getSanUri(cert)
                .orElseThrow(() -> new IOException(store + " holds a certificate without a URI"));
        return new OpcUaIdentity(new KeyPair(cert.getPublicKey(), key), cert, uri);
      }
      Files.createDirectories(pkiDir);
      KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      String host = hostname();
      String uri = "urn:millstone:edge-agent:" + UUID.randomUUID();
      X509Certificate cert =
          new SelfSignedCertificateBuilder(pair)
              .setCommonName("Millstone edge agent " + host)
              .setOrganization("Millstone")
              .setApplicationUri(uri)
              .addDnsName(host)
              .setValidityPeriod(Period.ofYears(20))
              .build();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, pair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {cert});
      Path tmp = pkiDir.resolve("agent.p12.tmp");
      Files.deleteIfExists(tmp);
      if (pkiDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ks.store(out, STORE_PASSWORD);
      }
      Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE);
      Files.write(pkiDir.resolve("agent-certificate.der"), cert.getEncoded());
      log.info(
          "Made the agent's OPC UA application certificate {} (SHA-256 {}); put {} on each"
              + " server's trust list",
          uri,
          fingerprint(cert),
          pkiDir.resolve("agent-certificate.der"));
      return new OpcUaIdentity(pair, cert, uri);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(
          "Cannot read or make the OPC UA application certificate in " + pkiDir + ": " + e, e);
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  static String fingerprint(X509Certificate cert) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Accepts the server's certificate when its SHA-256 is the pinned one, or, without a pin, when it
   * is the one this source saw first (kept in {@code trusted/NAME.der}). Anything else is refused
   * with a message that says how to accept a genuinely new certificate.
   */
  static CertificateValidator serverTrust(
      Path pkiDir, String source, Optional<String> pinnedSha256) {
    Path remembered = pkiDir.resolve("trusted").resolve(source + ".der");
    return (List<X509Certificate> chain, String applicationUri, String[] hostnames) -> {
      if (chain == null || chain.isEmpty()) {
        throw new UaException(
            StatusCodes.Bad_SecurityChecksFailed, "the server sent no certificate");
      }
      X509Certificate cert = chain.get(0);
      String seen = fingerprint(cert);
      if (pinnedSha256.isPresent()) {
        if (!pinnedSha256.get().equals(seen)) {
          String msg =
              "source '"
                  + source
                  + "': the server's certificate (SHA-256 "
                  + seen
                  + ") is not the one in server_certificate; refusing to connect";
          log.error(msg);
          throw new UaException(StatusCodes.Bad_CertificateUntrusted, msg);
        }
        return;
      }
      try {
        synchronized (OpcUaIdentity.class) {
          if (!Files.exists(remembered)) {
            Files.createDirectories(remembered.getParent());
            Files.write(remembered, cert.getEncoded());
            log.warn(
                "Source '{}': trusting the server's certificate on first use (SHA-256 {}, {});"
                    + " kept in {}",
                source,
                seen,
                cert.getSubjectX500Principal().getName(),
                remembered);
            return;
          }
          X509Certificate known = CertificateUtil.decodeCertificate(Files.readAllBytes(remembered));
          if (!fingerprint(known).equals(seen)) {
            String msg =
                "source '"
                    + source
                    + "': the server presents a different certificate (SHA-256 "
                    + seen
                    + ") from the one trusted on first use ("
                    + fingerprint(known)
                    + "); refusing to connect. If the server's certificate was replaced on"
                    + " purpose, delete "
                    + remembered
                    + " or set server_certificate to the new SHA-256";
            log.error(msg);
            throw new UaException(StatusCodes.Bad_CertificateUntrusted, msg);
          }
        }
      } catch (IOException | CertificateEncodingException e) {
        throw new UaException(
            StatusCodes.Bad_SecurityChecksFailed,
            "cannot keep the trusted server certificate in " + remembered + ": " + e);
      }
    };
  }
}
