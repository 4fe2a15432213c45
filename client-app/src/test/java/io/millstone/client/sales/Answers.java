package io.millstone.client.sales;

import io.millstone.client.core.DialogService;
import java.util.List;
import java.util.Optional;

/** Answers dialogs as told and remembers what it was shown. */
final class Answers implements DialogService {
  UnsavedChoice unsaved = UnsavedChoice.CANCEL;
  boolean reload = true;
  String conflictMessage;
  List<FieldChange> shownChanges;

  @Override
  public void showError(String title, String message) {}

  @Override
  public void showInfo(String title, String message) {}

  @Override
  public UnsavedChoice askUnsavedChanges(String recordTitle) {
    return unsaved;
  }

  @Override
  public boolean askReloadAfterConflict(String message, List<FieldChange> changes) {
    conflictMessage = message;
    shownChanges = changes;
    return reload;
  }

  boolean post = true;
  io.millstone.client.core.PostingSummary shownPosting;

  @Override
  public boolean confirmPosting(io.millstone.client.core.PostingSummary summary) {
    shownPosting = summary;
    return post;
  }

  @Override
  public boolean askTrustCertificate(String server, String fingerprint) {
    return false;
  }

  @Override
  public Optional<String> askText(String title, String prompt, String initial) {
    return Optional.empty();
  }
}
