package io.millstone.server.notify;

import com.google.protobuf.InvalidProtocolBufferException;
import io.millstone.api.notify.v1.Notification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A published notification as it travels through Redis: the notification and its audience (company,
 * permission or recipient, and the person who caused it, who is not told).
 */
record Envelope(
    UUID company, String permission, UUID recipient, UUID actorUser, Notification notification) {

  private static final UUID NONE = new UUID(0, 0);

  /** Whether the person with {@code user} and {@code permissions} in {@code company} is told. */
  boolean reaches(UUID companyId, UUID user, java.util.Set<String> permissions) {
    if (!company.equals(companyId) || user.equals(actorUser)) {
      return false;
    }
    return recipient != null
        ? recipient.equals(user)
        : permission != null && permissions.contains(permission);
  }

  byte[] encode() {
    byte[] perm = (permission == null ? "" : permission).getBytes(StandardCharsets.UTF_8);
    byte[] body = notification.toByteArray();
    ByteBuffer b = ByteBuffer.allocate(16 * 3 + 2 + perm.length + body.length);
    put(b, company);
    put(b, recipient);
    put(b, actorUser);
    b.putShort((short) perm.length).put(perm).put(body);
    return b.array();
  }

  static Envelope decode(byte[] bytes) throws InvalidProtocolBufferException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    UUID company = get(b);
    UUID recipient = get(b);
    UUID actor = get(b);
    byte[] perm = new byte[b.getShort()];
    b.get(perm);
    String permission = perm.length == 0 ? null : new String(perm, StandardCharsets.UTF_8);
    Notification n =
        Notification.parseFrom(ByteBuffer.wrap(bytes, b.position(), bytes.length - b.position()));
    return new Envelope(company, permission, recipient, actor, n);
  }

  private static void put(ByteBuffer b, UUID id) {
    UUID v = id == null ? NONE : id;
    b.putLong(v.getMostSignificantBits()).putLong(v.getLeastSignificantBits());
  }

  private static UUID get(ByteBuffer b) {
    UUID v = new UUID(b.getLong(), b.getLong());
    return v.equals(NONE) ? null : v;
  }
}
