package io.tandem.decision;

import java.time.LocalDate;

public record OptionDraft(String label, String scopeSummary, LocalDate window, String gains, String givesUp, String risk) {
}
