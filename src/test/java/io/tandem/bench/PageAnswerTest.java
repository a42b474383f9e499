package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page scenario's reading of an answer: what it needs to walk on, and a failure for anything but a good page. */
class PageAnswerTest {

    private static PageAnswer read(String json) {
        return PageAnswer.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsTheEdgesAndReadsWhereTheNextPageStarts() {
        PageAnswer page = read("""
                {"data":{"bets":{"pageInfo":{"hasNextPage":true,"endCursor":"c2"},"edges":[
                  {"cursor":"c1","node":{"id":"B1","brief":{"successMetrics":[{"name":"n","target":2.0}]},"waitingOn":[]}},
                  {"cursor":"c2","node":{"id":"B2","brief":null,"latestDecision":{"signers":[{"name":"priya"}]}}}]}}}""");
        assertThat(page).isEqualTo(new PageAnswer(2, true, "c2"));
        assertThat(read("""
                {"data":{"bets":{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}}"""))
                .isEqualTo(new PageAnswer(0, false, null));
    }

    @Test
    void failsOnErrorsOrAnythingThatIsNotOneWholeJsonAnswer() {
        assertThatThrownBy(() -> read("""
                {"errors":[{"message":"The server is running 4 queries","extensions":{"classification":"SERVER_BUSY"}}]}"""))
                .hasMessageContaining("GraphQL errors").hasMessageContaining("SERVER_BUSY");
        assertThatThrownBy(() -> read("""
                {"data":{"bets":null},"errors":[{"message":"no"}]}""")).hasMessageContaining("GraphQL errors");
        assertThatThrownBy(() -> read("""
                {"data":{"bets":{"edges":[{"cursor":"c1"]}}}""")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("not a GraphQL answer");
        assertThatThrownBy(() -> read("{\"data\":{}} {}")).hasMessageContaining("more than one JSON value");
        assertThat(read("{\"data\":{\"bets\":null},\"errors\":[]}").edges()).isZero();
    }
}
