package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class DatabaseChoiceTests {

    @Test
    void usesMariaDbUnlessToldOtherwise() {
        assertThat(withProperty(null, TestInfrastructure::chosenDatabase))
                .isEqualTo(TestInfrastructure.DatabaseKind.MARIADB);
        assertThat(withProperty(" MySQL ", TestInfrastructure::chosenDatabase))
                .isEqualTo(TestInfrastructure.DatabaseKind.MYSQL);
    }

    @Test
    void refusesADatabaseTheProjectDoesNotTestOn() {
        assertThatThrownBy(() -> withProperty("oracle", TestInfrastructure::chosenDatabase))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dtest.database=oracle")
                .hasMessageContaining("mariadb (the default) or mysql");
    }

    @Test
    void explainsThatMySqlNeedsDockerWhereThereIsNone() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is available here");

        assertThatThrownBy(() -> MySqlContainerDatabase.start(RepositoryRoot.find().resolve("sql")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a Docker engine")
                .hasMessageContaining("-Dtest.database=mysql");
    }

    @Test
    void findsOneFolderOfMigrationsPerServiceSchema() {
        Path sql = RepositoryRoot.find().resolve("sql");

        assertThat(SchemaMigrations.schemas(sql)).containsExactly("bank1", "bank1_notify", "bank1_pay");
    }

    private static <T> T withProperty(String value, Supplier<T> action) {
        String before = System.getProperty(TestInfrastructure.DATABASE_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(TestInfrastructure.DATABASE_PROPERTY);
            } else {
                System.setProperty(TestInfrastructure.DATABASE_PROPERTY, value);
            }
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(TestInfrastructure.DATABASE_PROPERTY);
            } else {
                System.setProperty(TestInfrastructure.DATABASE_PROPERTY, before);
            }
        }
    }
}
