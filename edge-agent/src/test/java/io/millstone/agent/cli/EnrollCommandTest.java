package io.millstone.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.agent.EdgeAgent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrolment token comes from a file or standard input, never from the command line, where every
 * local user can read it.
 */
class EnrollCommandTest {
  @TempDir Path dir;

  /** Exit code and standard error of {@code millstone-agent args}. */
  private static synchronized Object[] run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = EdgeAgent.commandLine().execute(args);
      return new Object[] {code, e.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void aTokenOnTheCommandLineIsRefusedSayingWhatToUseInstead() {
    Object[] r = run("enroll", "--server", "127.0.0.1:1", "--token", "s3cret-token");
    assertThat(r[0]).isEqualTo(2);
    assertThat((String) r[1])
        .contains("--token is no longer accepted")
        .contains("--token-file FILE")
        .contains("--token-file -")
        .doesNotContain("s3cret-token");
  }

  @Test
  void enrollingWithoutATokenSaysHowToGiveIt() {
    Object[] r = run("enroll", "--server", "127.0.0.1:1");
    assertThat(r[0]).isEqualTo(2);
    assertThat((String) r[1]).contains("--token-file FILE");
  }

  @Test
  void theTokenIsTheFirstLineOfTheFileTrimmed() throws Exception {
    Path file = Files.writeString(dir.resolve("token.txt"), "\n  abc-123_XYZ  \nignored\n");
    assertThat(EnrollCommand.readToken(file.toString())).isEqualTo("abc-123_XYZ");
  }

  @Test
  void aDashReadsTheTokenFromStandardInput() throws Exception {
    InputStream in = System.in;
    try {
      System.setIn(new ByteArrayInputStream("piped-token\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(EnrollCommand.readToken("-")).isEqualTo("piped-token");
    } finally {
      System.setIn(in);
    }
  }

  @Test
  void anEmptyOrMissingTokenFileIsRefusedInPlainWords() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), " \n");
    assertThatThrownBy(() -> EnrollCommand.readToken(empty.toString()))
        .isInstanceOf(IOException.class)
        .hasMessage("No token in the token file " + empty + ".");
    assertThatThrownBy(() -> EnrollCommand.readToken(dir.resolve("nope").toString()))
        .hasMessageContaining("There is no token file");
  }

  @Test
  void aFileFarLargerThanATokenIsRefused() throws Exception {
    Path big = Files.writeString(dir.resolve("big.txt"), "x".repeat(10_000));
    assertThatThrownBy(() -> EnrollCommand.readToken(big.toString()))
        .hasMessageContaining("give only the one-time token");
  }
}
