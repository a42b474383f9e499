package io.tandem.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler for Tandem's periodic work (reading the directory, keeping stand-ins in step, pruning the feed);
 * the workflow's own timers are the engine's job executor's.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
