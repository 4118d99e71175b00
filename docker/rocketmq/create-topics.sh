#!/bin/sh
# rocketmq-init: creates on the broker what the services need before they start, then waits until the NameServer
# routes the topic (a client that starts earlier polls for routes only every 30 s).
#   topic_notifymsg                    4 queues: up to 4 account-service instances consume in parallel
#   consumer_group_notifymsg_bank1     the receivers' consumer group (scheme 1, clustering)
#   consumer_group_notifymsg_gateway   the notify gateway's (scheme 2): every group gets every message
#   %RETRY%<group>                     where a group's failed deliveries wait for redelivery
#   %DLQ%<group>                       after the last retry; readable, for account-service's GET /dead-letters
# Runs in the apache/rocketmq image, in its bin directory. Idempotent: updateTopic/updateSubGroup overwrite.
set -eu

BROKER=rocketmq-broker:10911
NAMESRV=rocketmq-namesrv:9876

# mqadmin prints a failure and still exits 0: success is its "... success." line.
admin() {
    output=$(sh mqadmin "$@" 2>&1)
    printf '%s\n' "$output"
    printf '%s\n' "$output" | grep -q 'success\.'
}

admin updateTopic -b "$BROKER" -t topic_notifymsg -r 4 -w 4
# Every group of NotifyChannel.CONSUMER_GROUPS (ComposeFileTests fails when one is missing here).
for GROUP in consumer_group_notifymsg_bank1 consumer_group_notifymsg_gateway; do
    admin updateSubGroup -b "$BROKER" -g "$GROUP"
    admin updateTopic -b "$BROKER" -t "%RETRY%$GROUP" -r 1 -w 1
    admin updateTopic -b "$BROKER" -t "%DLQ%$GROUP" -r 1 -w 1
done

attempt=0
until sh mqadmin topicRoute -n "$NAMESRV" -t topic_notifymsg 2>&1 | grep -q brokerAddrs; do
    attempt=$((attempt + 1))
    if [ "$attempt" -ge 30 ]; then
        echo "topic_notifymsg still has no route at $NAMESRV after 30 attempts" >&2
        exit 1
    fi
    sleep 1
done
echo "rocketmq-init: topic_notifymsg is routed by $NAMESRV"
