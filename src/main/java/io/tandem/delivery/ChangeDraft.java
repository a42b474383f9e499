package io.tandem.delivery;

import java.time.LocalDate;

/** What a lead asks to change: a window (newWindow) or a scope (newScope, cut, customerHarm, optional newWindow). */
public record ChangeDraft(ChangeRequest.Kind kind, LocalDate newWindow, String newScope, boolean cut,
                          String customerHarm, String rationale) {
}
