package io.tandem.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The shape of the problem, written by product; one immutable revision of it. */
public record BriefContent(String problem, String customerSegment, String whyThisBet, String alternativesConsidered,
                           String riskAppetite, List<SuccessMetric> successMetrics, List<String> nonGoals,
                           String businessConstraints, Appetite appetite, LocalDate window) {

    public BriefContent {
        successMetrics = successMetrics == null ? List.of() : List.copyOf(successMetrics);
        nonGoals = nonGoals == null ? List.of() : List.copyOf(nonGoals);
    }

    /** Fields the framing gate needs before product may sign; empty when the brief is complete. */
    public List<String> missingForFraming() {
        List<String> missing = new ArrayList<>();
        if (problem == null) missing.add("problem");
        if (customerSegment == null) missing.add("customerSegment");
        if (whyThisBet == null) missing.add("whyThisBet");
        if (successMetrics.stream().noneMatch(m -> m.target() != null)) missing.add("successMetrics (one with a target)");
        return missing;
    }
}
