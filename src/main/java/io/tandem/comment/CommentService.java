package io.tandem.comment;

import io.tandem.bet.BetService;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.Roles;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on bets: shared context from both roles and leadership. Append-only; a comment may reply to
 * another comment of the same bet. A closed bet still takes comments, so that its outcome can be discussed.
 */
@Service
public class CommentService {

    /** A page of one bet's comments, with how many comments the bet has in all. */
    public record CommentPage(Window<BetComment> window, long totalCount) {
    }

    private final BetCommentRepository comments;
    private final BetService bets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(BetCommentRepository comments, BetService bets, ApplicationEventPublisher events, Clock clock) {
        this.comments = comments;
        this.bets = bets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(Roles.COMMENT)
    public BetComment add(UUID betId, String body, UUID replyTo, CurrentUser author) {
        bets.get(betId, "betId");
        String text = Texts.required("body", body, BetComment.BODY_MAX);
        if (replyTo != null) {
            BetComment answered = comments.findById(replyTo).orElseThrow(() -> RuleViolation.notFound("replyTo", "Comment " + replyTo));
            if (!answered.getBetId().equals(betId)) {
                throw RuleViolation.invalid("replyTo", "Comment " + replyTo + " is on another bet; a reply answers a comment of the same bet");
            }
        }
        BetComment comment = comments.save(new BetComment(betId, author.id(), author.displayName(), text, replyTo, StoredTime.now(clock)));
        events.publishEvent(new CommentAdded(betId, comment.getId(), comment.getAuthorId(), comment.getCreatedAt()));
        return comment;
    }

    /** A comment for a reader of the API. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<BetComment> read(UUID id) {
        return comments.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, BetComment> findAll(Collection<UUID> ids) {
        return comments.findAllById(ids).stream().collect(Collectors.toMap(BetComment::getId, Function.identity()));
    }

    /**
     * The pages of many bets' comments, oldest first: one statement per distinct (size, position) among the
     * keys, plus one for the counts, however many bets there are.
     */
    @Transactional(readOnly = true)
    public Map<CommentPageKey, CommentPage> pages(Set<CommentPageKey> keys) {
        Set<UUID> betIds = keys.stream().map(CommentPageKey::betId).collect(Collectors.toSet());
        Map<UUID, Long> totals = comments.countByBetIds(betIds).stream()
                .collect(Collectors.toMap(BetCommentRepository.CommentCount::getBetId, BetCommentRepository.CommentCount::getTotal));
        Map<CommentPageKey, CommentPage> pages = new HashMap<>();
        Map<CommentPageKey, List<CommentPageKey>> groups = keys.stream()
                .collect(Collectors.groupingBy(key -> new CommentPageKey(null, key.size(), key.afterCreatedAt(), key.afterId())));
        groups.forEach((group, members) -> {
            List<UUID> ids = members.stream().map(CommentPageKey::betId).toList();
            // one more than the page holds tells whether another page follows
            List<BetComment> found = group.fromStart()
                    ? comments.findFirstPages(ids, group.size() + 1)
                    : comments.findPagesAfter(ids, group.afterCreatedAt(), group.afterId(), group.size() + 1);
            Map<UUID, List<BetComment>> byBet = found.stream().collect(Collectors.groupingBy(BetComment::getBetId));
            for (CommentPageKey key : members) {
                List<BetComment> page = new ArrayList<>(byBet.getOrDefault(key.betId(), List.of()));
                boolean hasNext = page.size() > key.size();
                List<BetComment> content = hasNext ? page.subList(0, key.size()) : page;
                Window<BetComment> window = Window.from(content, i -> CommentPageKey.positionOf(content.get(i)), hasNext);
                pages.put(key, new CommentPage(window, totals.getOrDefault(key.betId(), 0L)));
            }
        });
        return pages;
    }

    /** A comment keeps its author's name. */
    @Bean
    static NameCopy commentNames() {
        return NameCopy.column("bet_comment", "author_id", "author_name");
    }
}
