package io.millstone.client.remote;

/**
 * Asks the person whether to trust a server certificate seen for the first time. Called off the UI
 * thread; implementations show a dialog and wait for the answer.
 */
@FunctionalInterface
public interface CertificateTrust {
  boolean trust(ServerAddress server, String sha256Fingerprint);
}
