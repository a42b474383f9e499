package io.tandem.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the default settings an endpoint is https to a public address: registering one that would make Tandem call into
 * its own network (loopback, private ranges, the cloud metadata address) is refused and registers nothing.
 */
class WebhookUrlTest extends GraphQlTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/hooks", "https://127.0.0.1/hooks", "https://localhost:8443/hooks",
            "https://10.0.0.5/hooks", "https://192.168.1.20/hooks", "https://172.16.0.1/hooks", "https://169.254.169.254/latest",
            "https://[::1]/hooks", "https://[fd00::1]/hooks", "https://100.64.0.1/hooks", "https://user:pw@93.184.216.34/",
            "not a url", "ftp://93.184.216.34/"})
    void refusesAnEndpointThatIsNotHttpsToAPublicAddress(String url) {
        int before = webhooks().size();

        Payload refused = driver.mutate("ada", "createWebhook", input("url", url));

        assertThat(refused.errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(refused.userErrors().get(0)).containsEntry("field", "url");
        assertThat(refused.body().get("secret")).isNull();
        assertThat(webhooks()).hasSize(before);
    }

    @Test
    void acceptsHttpsToAPublicAddressAndShowsItsSecretOnce() {
        Payload created = driver.mutateOk("ada", "createWebhook", input("url", "https://93.184.216.34/hooks",
                "kinds", List.of("ESCALATED"), "team", "Payments"));

        assertThat((String) created.body().get("secret")).startsWith("whsec_").hasSize(50);
        assertThat(created.get("webhook")).containsEntry("enabled", true).containsEntry("createdBy", "ada")
                .containsEntry("kinds", List.of("ESCALATED")).containsEntry("team", "Payments");
        driver.mutateOk("ada", "disableWebhook", input("webhookId", created.get("webhook").get("id")));
    }

    @Test
    void carrierGradeNatAndUniqueLocalAddressesAreNotPublic() throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("100.127.255.254"))).isFalse();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("fc12::1"))).isFalse();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName("2001:db8::1"))).isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> webhooks() {
        return as("ada").document("{ webhooks { id } }").execute().path("webhooks").entity(List.class).get();
    }
}
