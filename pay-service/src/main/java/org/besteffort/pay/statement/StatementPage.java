package org.besteffort.pay.statement;

import java.util.List;

/**
 * A page of a statement, and the cursor to ask for the page after it (the same cursor when there is none yet).
 */
record StatementPage(List<StatementLine> pays, String next) {
}
