package io.millstone.client.core;

import java.util.List;
import java.util.Optional;

/** Every dialog the client shows goes through here, so view models can ask without a screen. */
public interface DialogService {

  /** What to do with unsaved changes when a form is closed. */
  enum UnsavedChoice {
    SAVE,
    DISCARD,
    CANCEL
  }

  /** One field that differs between the person's edits and the record on the server. */
  record FieldChange(String label, String yours, String theirs) {}

  void showError(String title, String message);

  void showInfo(String title, String message);

  UnsavedChoice askUnsavedChanges(String recordTitle);

  /** Shows a version conflict and the fields that differ; true means reload the record. */
  boolean askReloadAfterConflict(String message, List<FieldChange> changes);

  /** Asks whether to trust a server's certificate seen for the first time. */
  boolean askTrustCertificate(String server, String fingerprint);

  /**
   * Shows what a posting will do and asks to go ahead; true only when the person chose to post.
   * Without a screen to ask on, nothing is posted.
   */
  default boolean confirmPosting(PostingSummary summary) {
    return false;
  }

  /** Asks for a short piece of text (a saved search's name); empty when cancelled. */
  Optional<String> askText(String title, String prompt, String initial);
}
