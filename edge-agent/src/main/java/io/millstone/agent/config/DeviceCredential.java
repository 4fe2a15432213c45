package io.millstone.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * What enrolment gave this agent: its device id and secret. Kept in a file only its owner can read,
 * because the secret is all it takes to send readings in the device's name.
 */
public record DeviceCredential(String deviceId, String secret) {
  public DeviceCredential {
    if (deviceId == null || deviceId.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a device credential needs an id and a secret");
    }
  }

  /** The value of the {@code authorization} header on the uplink. */
  public String authorization() {
    return "Device " + deviceId + "." + secret;
  }

  public static DeviceCredential read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException(
          "No device credential at "
              + file
              + ": enrol this agent first (millstone-agent enroll --server HOST:PORT"
              + " --token-file FILE).");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    String id = p.getProperty("device_id");
    String secret = p.getProperty("device_secret");
    if (id == null || secret == null) {
      throw new IOException(
          file + " holds no device_id and device_secret; enrol this agent again to rewrite it.");
    }
    return new DeviceCredential(id.trim(), secret.trim());
  }

  /** Writes the credential atomically, readable and writable by the owner only. */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Properties p = new Properties();
    p.setProperty("device_id", deviceId);
    p.setProperty("device_secret", secret);
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(w, "Millstone edge agent credential; keep it secret");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String toString() {
    return "DeviceCredential[" + deviceId + ", secret hidden]";
  }
}
