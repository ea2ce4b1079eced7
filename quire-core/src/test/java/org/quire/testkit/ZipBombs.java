package org.quire.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip files built to hurt, for the tests that prove they are refused. */
public final class ZipBombs {
  private ZipBombs() {}

  /** One entry of {@code megabytes} MiB of zeros: a few hundred KiB on disk, far more inflated. */
  public static byte[] flat(String entry, int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(entry));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
