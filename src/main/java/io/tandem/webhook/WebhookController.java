package io.tandem.webhook;

import io.tandem.activity.ActivityKind;
import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class WebhookController {

    static final String WEBHOOK = "Webhook";
    static final String DELIVERY = "WebhookDelivery";

    record CreateWebhookInput(String url, List<ActivityKind> kinds, String team) {
    }

    record WebhookRef(String webhookId) {
    }

    record ReplayWebhookDeliveryInput(String deliveryId) {
    }

    record WebhookSecretPayload(Webhook webhook, String secret, List<UserErrorView> userErrors) {
    }

    record WebhookPayload(Webhook webhook, List<UserErrorView> userErrors) {
    }

    record ReplayWebhookDeliveryPayload(WebhookDelivery delivery, List<UserErrorView> userErrors) {
    }

    private final Webhooks webhooks;
    private final CurrentUsers users;

    WebhookController(Webhooks webhooks, CurrentUsers users) {
        this.webhooks = webhooks;
        this.users = users;
    }

    @QueryMapping(name = "webhooks")
    List<Webhook> webhooks() {
        return webhooks.all();
    }

    @MutationMapping
    WebhookSecretPayload createWebhook(@Argument CreateWebhookInput input) {
        return Mutations.run(() -> {
            Webhooks.WithSecret created = webhooks.create(input.url(), input.kinds(), input.team(), users.current());
            return new WebhookSecretPayload(created.webhook(), created.secret(), List.of());
        }, errors -> new WebhookSecretPayload(null, null, errors));
    }

    @MutationMapping
    WebhookPayload disableWebhook(@Argument WebhookRef input) {
        return Mutations.run(() -> new WebhookPayload(webhooks.setEnabled(id(input), false), List.of()),
                errors -> new WebhookPayload(null, errors));
    }

    @MutationMapping
    WebhookPayload enableWebhook(@Argument WebhookRef input) {
        return Mutations.run(() -> new WebhookPayload(webhooks.setEnabled(id(input), true), List.of()),
                errors -> new WebhookPayload(null, errors));
    }

    @MutationMapping
    WebhookSecretPayload rotateWebhookSecret(@Argument WebhookRef input) {
        return Mutations.run(() -> {
            Webhooks.WithSecret rotated = webhooks.rotateSecret(id(input));
            return new WebhookSecretPayload(rotated.webhook(), rotated.secret(), List.of());
        }, errors -> new WebhookSecretPayload(null, null, errors));
    }

    @MutationMapping
    ReplayWebhookDeliveryPayload replayWebhookDelivery(@Argument ReplayWebhookDeliveryInput input) {
        return Mutations.run(() -> new ReplayWebhookDeliveryPayload(webhooks.replay(
                GlobalId.require(DELIVERY, input.deliveryId(), "deliveryId")), List.of()),
                errors -> new ReplayWebhookDeliveryPayload(null, errors));
    }

    @SchemaMapping(typeName = WEBHOOK)
    String id(Webhook webhook) {
        return GlobalId.of(WEBHOOK, webhook.getId());
    }

    @SchemaMapping(typeName = WEBHOOK)
    List<WebhookDelivery> deliveries(Webhook webhook, @Argument Integer first, @Argument WebhookDelivery.Status status) {
        return webhooks.deliveries(webhook.getId(), status, Connections.pageSize(first));
    }

    @SchemaMapping(typeName = DELIVERY)
    String id(WebhookDelivery delivery) {
        return GlobalId.of(DELIVERY, delivery.id());
    }

    private static UUID id(WebhookRef ref) {
        return GlobalId.require(WEBHOOK, ref.webhookId(), "webhookId");
    }
}
