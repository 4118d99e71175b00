/**
 * Accounts and their balances ({@code account_info}): what the receiver changes when it applies a pay result.
 */
package org.besteffort.account.account;
