package io.millstone.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MillstoneClientTest {

  @Test
  void versionIsPrintedWithoutOpeningAWindow() {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      MillstoneClient.main(new String[] {"--version"});
    } finally {
      System.setOut(original);
    }
    // The build filters the project version in; an unfiltered or missing file shows 0.0.0.
    assertThat(buf.toString(StandardCharsets.UTF_8).trim())
        .matches("millstone-client \\d+\\.\\d+\\.\\d+.*")
        .doesNotContain("0.0.0")
        .doesNotContain("${");
  }
}
