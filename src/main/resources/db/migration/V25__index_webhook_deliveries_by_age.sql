-- WebhookRetention deletes the deliveries no longer pending, oldest first, once they are older than what is kept.
create index webhook_delivery_prune_idx on webhook_delivery (created_at) where status <> 'PENDING';
