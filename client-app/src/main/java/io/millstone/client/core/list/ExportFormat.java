package io.millstone.client.core.list;

/** What an export writes: an Excel workbook or plain CSV. */
public enum ExportFormat {
  XLSX("xlsx", "Excel"),
  CSV("csv", "CSV");

  private final String extension;
  private final String label;

  ExportFormat(String extension, String label) {
    this.extension = extension;
    this.label = label;
  }

  public String extension() {
    return extension;
  }

  /** The name shown in the save dialog's file type. */
  public String label() {
    return label;
  }

  /** The format a file name asks for: .xlsx for Excel, anything else CSV. */
  public static ExportFormat of(java.nio.file.Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
        ? XLSX
        : CSV;
  }
}
