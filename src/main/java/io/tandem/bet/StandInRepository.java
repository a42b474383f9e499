package io.tandem.bet;

import io.tandem.security.Role;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface StandInRepository extends JpaRepository<StandIn, UUID> {

    List<StandIn> findByBetIdAndSide(UUID betId, Role side);

    @Query("select s from StandIn s where s.betId in :bets and s.revokedAt is null and s.endsAt > :now"
            + " order by s.startsAt, s.id")
    List<StandIn> currentOrComing(@Param("bets") Collection<UUID> bets, @Param("now") Instant now);

    /**
     * Stand-ins whose side's sign-offs wait to be offered (the period began) or withdrawn (it ended), locked so that
     * one instance does each; another instance skips them ({@code -2}: SKIP LOCKED).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select s from StandIn s where s.withdrawnAt is null and ((s.offeredAt is null and s.startsAt <= :now"
            + " and s.endsAt > :now and s.revokedAt is null) or (s.offeredAt is not null and (s.endsAt <= :now"
            + " or s.revokedAt is not null)))")
    List<StandIn> due(@Param("now") Instant now);
}
