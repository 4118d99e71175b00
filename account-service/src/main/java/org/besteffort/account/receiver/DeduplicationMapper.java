package org.besteffort.account.receiver;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

import java.time.Instant;

/**
 * SQL over {@code bank1.de_duplication}, the ledger of applied txNos.
 */
@Mapper
interface DeduplicationMapper {

    /** Throws a duplicate key when the txNo was applied before: the primary key decides, not a prior SELECT. */
    @Insert("INSERT INTO de_duplication (tx_no, created) VALUES (#{txNo}, #{created})")
    void insert(String txNo, Instant created);
}
