#!/bin/bash
# Run once by the mysql image's entrypoint, when it initialises an empty data directory. It creates each service's
# database, empty, and the service's own account, limited to that database: pay-service cannot read a balance,
# account-service cannot touch a pay, the notify gateway sees neither. Each service then creates and migrates its
# own tables at start (Flyway, from the versioned files under sql/ packaged into its jar), so its account may change
# the structure of its own database (CREATE, ALTER, INDEX, DROP, REFERENCES) and nothing else.
# Passwords come from the container's environment (no quotes or backslashes in them: they are pasted into SQL).
#
# The entrypoint sources this file into its own shell: no `set` here, and every failure ends with exit 1, which
# stops the initialisation instead of leaving a database without users.
if [ -z "${PAY_DB_PASSWORD:-}" ] || [ -z "${ACCOUNT_DB_PASSWORD:-}" ] || [ -z "${NOTIFY_DB_PASSWORD:-}" ]; then
    echo "1-service-databases.sh: PAY_DB_PASSWORD, ACCOUNT_DB_PASSWORD and NOTIFY_DB_PASSWORD must be set" >&2
    exit 1
fi

# The entrypoint's temporary server listens on the socket only; MYSQL_PWD keeps the password off the command line.
MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql --protocol=socket --socket="${SOCKET:-/var/run/mysqld/mysqld.sock}" -uroot \
    <<SQL || exit 1
CREATE DATABASE bank1_pay DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'pay_service'@'%' IDENTIFIED BY '${PAY_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON bank1_pay.* TO 'pay_service'@'%';
CREATE DATABASE bank1 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'account_service'@'%' IDENTIFIED BY '${ACCOUNT_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON bank1.* TO 'account_service'@'%';
CREATE DATABASE bank1_notify DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'notify_gateway'@'%' IDENTIFIED BY '${NOTIFY_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON bank1_notify.* TO 'notify_gateway'@'%';
SQL
echo "1-service-databases.sh: created bank1_pay (pay_service), bank1 (account_service), bank1_notify (notify_gateway)"
