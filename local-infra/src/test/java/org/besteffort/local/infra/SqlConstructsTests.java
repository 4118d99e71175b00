package org.besteffort.local.infra;

/**
 * {@link SqlConstructsContract} on the database of this test JVM: MariaDB by default, MySQL 8.4 with
 * {@code -Dtest.database=mysql}.
 */
class SqlConstructsTests extends SqlConstructsContract {

    @Override
    Database database() {
        return TestInfrastructure.shared().database();
    }
}
