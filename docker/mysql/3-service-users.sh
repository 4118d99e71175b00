#!/bin/bash
# Run once by the mysql image's entrypoint, when it initialises an empty data directory, after sql/1-*.sql,
# sql/2-*.sql and sql/3-bank1_notify.sql (file-name order). Each service gets its own account, limited to its own
# schema: pay-service cannot read a balance, account-service cannot touch a pay, the notify gateway sees neither.
# Passwords come from the container's environment (no quotes or backslashes in them: they are pasted into SQL).
#
# The entrypoint sources this file into its own shell: no `set` here, and every failure ends with exit 1, which
# stops the initialisation instead of leaving a database without users.
if [ -z "${PAY_DB_PASSWORD:-}" ] || [ -z "${ACCOUNT_DB_PASSWORD:-}" ] || [ -z "${NOTIFY_DB_PASSWORD:-}" ]; then
    echo "3-service-users.sh: PAY_DB_PASSWORD, ACCOUNT_DB_PASSWORD and NOTIFY_DB_PASSWORD must be set" >&2
    exit 1
fi

# The entrypoint's temporary server listens on the socket only; MYSQL_PWD keeps the password off the command line.
MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql --protocol=socket --socket="${SOCKET:-/var/run/mysqld/mysqld.sock}" -uroot \
    <<SQL || exit 1
CREATE USER 'pay_service'@'%' IDENTIFIED BY '${PAY_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON bank1_pay.* TO 'pay_service'@'%';
CREATE USER 'account_service'@'%' IDENTIFIED BY '${ACCOUNT_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON bank1.* TO 'account_service'@'%';
CREATE USER 'notify_gateway'@'%' IDENTIFIED BY '${NOTIFY_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON bank1_notify.* TO 'notify_gateway'@'%';
SQL
echo "3-service-users.sh: created pay_service (bank1_pay), account_service (bank1) and notify_gateway (bank1_notify)"
