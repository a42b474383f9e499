package io.tandem.webhook;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookRepository extends JpaRepository<Webhook, UUID> {

    List<Webhook> findByEnabledTrue();

    List<Webhook> findAllByOrderByCreatedAtAsc();
}
