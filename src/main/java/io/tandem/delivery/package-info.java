/**
 * Delivery: status updates and change requests (window and scope) while a bet is in delivery. Offers
 * DeliveryService; a change request opens a change gate in the lifecycle, which both sides sign.
 */
package io.tandem.delivery;
