package io.millstone.server.backup;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a zip file as its central directory lists them, with the kind of file each claims
 * to be: {@link java.util.zip.ZipEntry} does not tell a symbolic link or a device from a regular
 * file, and a restore must refuse anything but regular files.
 */
final class ZipDirectory {
  /** One entry: its name, and its Unix file type bits ({@code S_IFMT}), 0 when not recorded. */
  record Entry(String name, int unixType, boolean dosDirectory) {
    static final int S_IFREG = 0100000;

    boolean regularFile() {
      return !name.endsWith("/") && !dosDirectory && (unixType == 0 || unixType == S_IFREG);
    }
  }

  /** A backup lists a few hundred entries; a larger directory is not a Millstone backup. */
  private static final int MAX_DIRECTORY = 16 * 1024 * 1024;

  private static final int END = 0x06054b50;
  private static final int END64_LOCATOR = 0x07064b50;
  private static final int END64 = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;

  private ZipDirectory() {}

  static List<Entry> read(Path zip) throws IOException {
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      int tailLength = (int) Math.min(size, 22 + 65535 + 20);
      ByteBuffer tail = read(ch, size - tailLength, tailLength);
      int end = -1;
      for (int i = tailLength - 22; i >= 0; i--) {
        if (tail.getInt(i) == END) {
          end = i;
          break;
        }
      }
      if (end < 0) {
        throw damaged("no central directory");
      }
      long entries = tail.getShort(end + 10) & 0xffff;
      long directorySize = tail.getInt(end + 12) & 0xffffffffL;
      long directoryOffset = tail.getInt(end + 16) & 0xffffffffL;
      if (entries == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
        int locator = end - 20;
        if (locator < 0 || tail.getInt(locator) != END64_LOCATOR) {
          throw damaged("no zip64 locator");
        }
        long end64 = tail.getLong(locator + 8);
        if (end64 < 0 || end64 + 56 > size) {
          throw damaged("zip64 end record out of the file");
        }
        ByteBuffer z = read(ch, end64, 56);
        if (z.getInt(0) != END64) {
          throw damaged("no zip64 end record");
        }
        entries = z.getLong(32);
        directorySize = z.getLong(40);
        directoryOffset = z.getLong(48);
      }
      if (directorySize < 0
          || directorySize > MAX_DIRECTORY
          || directoryOffset < 0
          || directoryOffset + directorySize > size
          || entries < 0
          || entries > directorySize / 46) {
        throw damaged("central directory out of bounds");
      }
      ByteBuffer cd = read(ch, directoryOffset, (int) directorySize);
      List<Entry> out = new ArrayList<>();
      int p = 0;
      for (long i = 0; i < entries; i++) {
        if (p + 46 > directorySize || cd.getInt(p) != CENTRAL) {
          throw damaged("bad central directory entry");
        }
        int madeBy = cd.getShort(p + 4) & 0xffff;
        int flags = cd.getShort(p + 8) & 0xffff;
        int nameLength = cd.getShort(p + 28) & 0xffff;
        int extraLength = cd.getShort(p + 30) & 0xffff;
        int commentLength = cd.getShort(p + 32) & 0xffff;
        long attributes = cd.getInt(p + 38) & 0xffffffffL;
        if (p + 46 + nameLength > directorySize) {
          throw damaged("entry name out of the directory");
        }
        byte[] name = new byte[nameLength];
        cd.get(p + 46, name);
        boolean unix = (madeBy >>> 8) == 3;
        out.add(
            new Entry(
                new String(
                    name,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1),
                unix ? (int) ((attributes >>> 16) & 0170000) : 0,
                (attributes & 0x10) != 0));
        p += 46 + nameLength + extraLength + commentLength;
      }
      return out;
    }
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new EOFException();
      }
    }
    return b.flip();
  }

  private static BackupException damaged(String why) {
    return new BackupException(
        "The backup file is not a readable zip (" + why + "); nothing was restored.");
  }
}
