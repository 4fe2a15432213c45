package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientVersionTest {
  @Test
  void aServerWithTheSameMajorAndMinorVersionIsCompatible() {
    assertThat(ClientVersion.compatible("0.1.0-SNAPSHOT", "0.1.7")).isTrue();
  }

  @Test
  void aServerWithAnotherMinorVersionIsNot() {
    assertThat(ClientVersion.compatible("0.1.0", "0.2.0")).isFalse();
    assertThat(ClientVersion.compatible("1.1.0", "2.1.0")).isFalse();
    assertThat(ClientVersion.compatible("0.1.0", "unknown")).isFalse();
  }

  @Test
  void theClientKnowsItsOwnVersionFromTheBuild() {
    assertThat(ClientVersion.get()).matches("[0-9]+\\.[0-9]+\\..*");
  }
}
