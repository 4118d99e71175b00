package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTests {

    @Test
    void endsAStatementAtASemicolonAtTheEndOfALine() {
        String script = """
                CREATE TABLE t (
                    id INT NOT NULL,   -- a column
                    name VARCHAR(8)
                );
                INSERT INTO t VALUES (1, 'a;b');
                """;

        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE TABLE t (\n    id INT NOT NULL,   -- a column\n    name VARCHAR(8)\n)",
                "INSERT INTO t VALUES (1, 'a;b')");
    }

    @Test
    void skipsFullLineCommentsEvenWhenTheyEndWithASemicolon() {
        String script = """
                -- the course's table;
                # another comment;
                USE bank1;
                """;

        assertThat(SqlScript.statements(script)).containsExactly("USE bank1");
    }

    @Test
    void allowsACommentAfterTheClosingSemicolon() {
        String script = "SELECT 1; -- one\nSELECT 2;   \n";

        assertThat(SqlScript.statements(script)).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void keepsNonAsciiTextAndALastStatementWithoutSemicolon() {
        String script = "\uFEFFINSERT INTO account_info VALUES ('1', '张三');\r\nSELECT '李四'";

        assertThat(SqlScript.statements(script)).containsExactly(
                "INSERT INTO account_info VALUES ('1', '张三')", "SELECT '李四'");
    }
}
