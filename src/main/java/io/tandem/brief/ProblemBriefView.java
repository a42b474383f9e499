package io.tandem.brief;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A brief revision as the schema's ProblemBrief shows it: revision data and content side by side. */
record ProblemBriefView(String id, int revision, String contentHash, String problem, String customerSegment,
                        String whyThisBet, String alternativesConsidered, String riskAppetite,
                        List<SuccessMetric> successMetrics, List<String> nonGoals, String businessConstraints,
                        Appetite appetite, LocalDate window, String authorId, String authorName, Instant createdAt) {

    static ProblemBriefView of(String id, BriefRevision r) {
        BriefContent c = r.getContent();
        return new ProblemBriefView(id, r.getRevision(), r.getContentHash(), c.problem(), c.customerSegment(),
                c.whyThisBet(), c.alternativesConsidered(), c.riskAppetite(), c.successMetrics(), c.nonGoals(),
                c.businessConstraints(), c.appetite(), c.window(), r.getAuthorId(), r.getAuthorName(), r.getCreatedAt());
    }
}
