package io.tandem.people;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, String>, JpaSpecificationExecutor<Person> {

    /** People an earlier directory read listed and the read that started at this time did not. */
    @Query("select p from Person p where p.listedAt is not null and p.listedAt < :since")
    List<Person> listedBefore(@Param("since") Instant since);
}
