package io.tandem.bet;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BetRepository extends JpaRepository<Bet, UUID>, JpaSpecificationExecutor<Bet> {

    @Query(value = "select nextval('bet_key_seq')", nativeQuery = true)
    long nextKeyNumber();

    /**
     * Claims the bet for one change: succeeds only if nobody changed it since it was read. Under
     * READ COMMITTED a concurrent claimer waits for the first to commit, then matches no row.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Bet b set b.version = b.version + 1 where b.id = :id and b.version = :version")
    int bumpVersion(@Param("id") UUID id, @Param("version") long version);

    /** Titles of the bets not yet closed that this person leads, on either side. */
    @Query("select b.title from Bet b where (b.productLead = :person or b.engineeringLead = :person) and b.stage <> io.tandem.bet.Stage.CLOSED order by b.key")
    List<String> openBetsLedBy(String person);
}
