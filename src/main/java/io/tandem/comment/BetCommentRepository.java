package io.tandem.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BetCommentRepository extends JpaRepository<BetComment, UUID> {

    interface CommentCount {
        UUID getBetId();

        long getTotal();
    }

    /** The first {@code limit} comments of each of many bets, oldest first, in one statement. */
    @Query(nativeQuery = true, value = """
            select id, bet_id, author_id, author_name, body, reply_to_id, created_at from (
                select c.*, row_number() over (partition by c.bet_id order by c.created_at, c.id) as n
                from bet_comment c
                where c.bet_id in (:betIds)
            ) numbered
            where n <= :limit
            order by bet_id, created_at, id
            """)
    List<BetComment> findFirstPages(Collection<UUID> betIds, int limit);

    /** Like {@link #findFirstPages}, for the comments after a keyset position. */
    @Query(nativeQuery = true, value = """
            select id, bet_id, author_id, author_name, body, reply_to_id, created_at from (
                select c.*, row_number() over (partition by c.bet_id order by c.created_at, c.id) as n
                from bet_comment c
                where c.bet_id in (:betIds) and (c.created_at, c.id) > (:afterCreatedAt, :afterId)
            ) numbered
            where n <= :limit
            order by bet_id, created_at, id
            """)
    List<BetComment> findPagesAfter(Collection<UUID> betIds, Instant afterCreatedAt, UUID afterId, int limit);

    @Query("select c.betId as betId, count(c) as total from BetComment c where c.betId in :betIds group by c.betId")
    List<CommentCount> countByBetIds(Collection<UUID> betIds);
}
