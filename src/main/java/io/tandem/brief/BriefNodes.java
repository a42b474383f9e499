package io.tandem.brief;

import io.tandem.graphql.NodeResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** node(id) for briefs and constraints. */
@Configuration(proxyBeanMethods = false)
class BriefNodes {

    @Bean
    NodeResolver problemBriefNodes(BriefService briefs) {
        return NodeResolver.of(BriefController.BRIEF, ProblemBriefView.class, id -> briefs.read(id).map(BriefController::view));
    }

    @Bean
    NodeResolver constraintNodes(ConstraintService constraints) {
        return NodeResolver.of(ConstraintController.TYPE, TechnicalConstraint.class, TechnicalConstraint::getId,
                constraints::read);
    }
}
