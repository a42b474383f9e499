package io.tandem.webhook;

import io.tandem.shared.RuleViolation;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may be sent: an https URL whose host resolves to public addresses only, so that registering an
 * endpoint cannot make Tandem call into its own network (the loopback, private, link-local, carrier-grade NAT and
 * unique-local ranges). Checked when an endpoint is registered and again before each attempt, as DNS may change.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2000;

    private WebhookUrls() {
    }

    /** The URL as given, or INVALID_INPUT on {@code url} saying why it may not be used. */
    static URI check(String url, boolean allowPrivate) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw RuleViolation.invalid("url", "A webhook URL is 1 to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw RuleViolation.invalid("url", "'" + abbreviate(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw RuleViolation.invalid("url", "A webhook URL is https");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw RuleViolation.invalid("url", "A webhook URL names a host, and no user or password");
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (!isPublic(address)) {
                        throw RuleViolation.invalid("url", uri.getHost() + " is a loopback or private address ("
                                + address.getHostAddress() + "); webhooks go to public https endpoints");
                    }
                }
            } catch (UnknownHostException e) {
                throw RuleViolation.invalid("url", "The host " + uri.getHost() + " cannot be resolved");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, carrier-grade NAT
                && first != 0;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
