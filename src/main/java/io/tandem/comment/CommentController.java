package io.tandem.comment;

import graphql.schema.DataFetchingEnvironment;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.NodeResolver;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Comments on a bet: adding one, and reading a bet's comments as a connection. */
@Controller
class CommentController {

    static final String COMMENT = "Comment";
    /**
     * Bet.comments takes arguments, which @BatchMapping cannot pass on; a data loader keyed by bet and page
     * reads the comments of every bet on a page of bets together.
     */
    private static final String PAGES = "betCommentPages";

    record AddCommentInput(String betId, String body, String replyTo) {
    }

    record AddCommentPayload(BetComment comment, List<UserErrorView> userErrors) {
    }

    private final CommentService comments;
    private final BetService bets;
    private final CurrentUsers users;

    CommentController(CommentService comments, BetService bets, CurrentUsers users, BatchLoaderRegistry loaders) {
        this.comments = comments;
        this.bets = bets;
        this.users = users;
        loaders.<CommentPageKey, Connections.Connection<BetComment>>forName(PAGES)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> comments.pages(keys).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> Connections.of(e.getValue().window(),
                                e.getKey().position(), e.getValue()::totalCount)))));
    }

    @MutationMapping
    AddCommentPayload addComment(@Argument AddCommentInput input) {
        return Mutations.run(() -> new AddCommentPayload(comments.add(GlobalId.require("Bet", input.betId(), "betId"), input.body(),
                input.replyTo() == null ? null : GlobalId.require(COMMENT, input.replyTo(), "replyTo"), users.current()), List.of()),
                errors -> new AddCommentPayload(null, errors));
    }

    @SchemaMapping(typeName = "Bet")
    CompletableFuture<Connections.Connection<BetComment>> comments(Bet bet, @Argument Integer first, @Argument String after,
                                                                   DataFetchingEnvironment env) {
        int size = Connections.pageSize(first);
        ScrollPosition position = Connections.after(after);
        CommentPageKey key = CommentPageKey.of(bet.getId(), size, position)
                .orElseThrow(() -> new Connections.InvalidArgument("after is not a cursor of comments"));
        return env.<CommentPageKey, Connections.Connection<BetComment>>getDataLoader(PAGES).load(key);
    }

    @BatchMapping(typeName = COMMENT)
    Map<BetComment, BetComment> replyTo(List<BetComment> page) {
        Map<UUID, BetComment> answered = comments.findAll(page.stream().map(BetComment::getReplyToId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return page.stream().filter(c -> c.getReplyToId() != null && answered.containsKey(c.getReplyToId()))
                .collect(Collectors.toMap(Function.identity(), c -> answered.get(c.getReplyToId()), (a, b) -> a));
    }

    @BatchMapping(typeName = COMMENT)
    Map<BetComment, Bet> bet(List<BetComment> page) {
        Map<UUID, Bet> found = bets.findAll(page.stream().map(BetComment::getBetId).collect(Collectors.toSet()));
        return page.stream().filter(c -> found.containsKey(c.getBetId()))
                .collect(Collectors.toMap(Function.identity(), c -> found.get(c.getBetId()), (a, b) -> a));
    }

    @Bean
    static NodeResolver commentNodes(CommentService comments) {
        return NodeResolver.of(COMMENT, BetComment.class, BetComment::getId, comments::read);
    }
}
