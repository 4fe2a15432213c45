package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

class StatusTranslatorTest {
  private static com.google.rpc.Status.Builder status(Code code, String message, String reason) {
    return com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(message)
        .addDetails(
            Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("millstone.io").build()));
  }

  @Test
  void fieldViolationsAreReadFromBadRequestByFieldName() {
    var st =
        status(Code.INVALID_ARGUMENT, "Some fields are not valid.", "INVALID_INPUT")
            .addDetails(
                Any.pack(
                    BadRequest.newBuilder()
                        .addFieldViolations(
                            BadRequest.FieldViolation.newBuilder()
                                .setField("bin")
                                .setDescription("A BIN has 13 digits."))
                        .addFieldViolations(
                            BadRequest.FieldViolation.newBuilder()
                                .setField("default_sale_price.amount")
                                .setDescription("Must not be negative."))
                        .build()))
            .build();

    RemoteException e = StatusTranslator.translate(StatusProto.toStatusRuntimeException(st), false);

    assertThat(e.kind()).isEqualTo(RemoteException.Kind.INVALID_INPUT);
    assertThat(e.fieldViolations())
        .containsEntry("bin", "A BIN has 13 digits.")
        .containsEntry("default_sale_price.amount", "Must not be negative.");
  }

  @Test
  void aLockedAccountIsToldApartFromARateLimitByItsReason() {
    var locked =
        status(Code.RESOURCE_EXHAUSTED, "Locked; try again in 15 minutes.", "ACCOUNT_LOCKED")
            .build();
    var limited = status(Code.RESOURCE_EXHAUSTED, "Slow down.", "RATE_LIMITED").build();

    assertThat(
            StatusTranslator.translate(StatusProto.toStatusRuntimeException(locked), true).kind())
        .isEqualTo(RemoteException.Kind.ACCOUNT_LOCKED);
    assertThat(
            StatusTranslator.translate(StatusProto.toStatusRuntimeException(limited), true).kind())
        .isEqualTo(RemoteException.Kind.RATE_LIMITED);
  }

  @Test
  void unauthenticatedMeansWrongPasswordWhenSigningInAndAnEndedSessionOtherwise() {
    var e = Status.UNAUTHENTICATED.withDescription("no").asRuntimeException();

    assertThat(StatusTranslator.translate(e, true).kind())
        .isEqualTo(RemoteException.Kind.WRONG_CREDENTIALS);
    assertThat(StatusTranslator.translate(e, false).kind())
        .isEqualTo(RemoteException.Kind.SESSION_ENDED);
  }

  @Test
  void aConflictKeepsTheServersSentenceNamingWhoChangedTheRecord() {
    var st =
        status(Code.ABORTED, "Customer C-1 was changed by sales.b at 10:02.", "CONFLICT").build();

    RemoteException e = StatusTranslator.translate(StatusProto.toStatusRuntimeException(st), false);

    assertThat(e.kind()).isEqualTo(RemoteException.Kind.CONFLICT);
    assertThat(e.getMessage()).isEqualTo("Customer C-1 was changed by sales.b at 10:02.");
  }
}
