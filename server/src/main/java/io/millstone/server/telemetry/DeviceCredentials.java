package io.millstone.server.telemetry;

import io.millstone.server.gateway.Authenticator;
import io.millstone.server.identity.Session;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Edge agents: "authorization: Device &lt;device id&gt;.&lt;secret&gt;". A device's session can do
 * exactly one thing, stream readings up ({@value #UPLINK}); no role grants that to people.
 */
public final class DeviceCredentials implements Authenticator {
  public static final String UPLINK = "telemetry.uplink";

  private final Transactions tx;

  public DeviceCredentials(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public String scheme() {
    return "Device";
  }

  @Override
  public Optional<Session> authenticate(String credentials) {
    int dot = credentials.indexOf('.');
    if (dot != 36 || credentials.length() > 200) {
      return Optional.empty();
    }
    UUID deviceId = Ids.parseOrNull(credentials.substring(0, dot));
    if (deviceId == null) {
      return Optional.empty();
    }
    byte[] presented = Secrets.hash(credentials.substring(dot + 1));
    Object[] row =
        tx.asUser(
            null,
            t ->
                t
                    .session()
                    .createNativeQuery(
                        "SELECT company_id, secret_hash, state FROM find_device_for_uplink(:id)",
                        Object[].class)
                    .setParameter("id", deviceId)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElse(null));
    if (row == null
        || !"ACTIVE".equals(row[2])
        || row[1] == null
        || !MessageDigest.isEqual((byte[]) row[1], presented)) {
      return Optional.empty();
    }
    return Optional.of(
        new Session(
            Session.Kind.DEVICE,
            "device:" + deviceId,
            deviceId,
            "device:" + deviceId,
            "Edge agent",
            (UUID) row[0],
            "",
            List.of(),
            Set.of(UPLINK),
            Instant.now()));
  }
}
