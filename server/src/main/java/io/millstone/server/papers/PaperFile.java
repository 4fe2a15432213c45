package io.millstone.server.papers;

/** A finished file to hand over: its bytes, the name to save it under, its type and pages. */
public record PaperFile(byte[] data, String fileName, String contentType, int pages) {
  public static final String PDF = "application/pdf";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String CSV = "text/csv";
}
