#!/bin/bash
# Starts the broker, then creates (or updates) the SCRAM-SHA-512 user of each service
# through the broker's loopback-only listener, and marks the broker ready for them.
# Passwords come from the environment (the .env file); none is written to disk here.
set -euo pipefail

rm -f /tmp/plazo-users-ready
/etc/kafka/docker/run &
broker=$!

until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server 127.0.0.1:9095 > /dev/null 2>&1; do
  if ! kill -0 "$broker" 2> /dev/null; then
    echo "The broker stopped before it was ready" >&2
    exit 1
  fi
  sleep 2
done

for service in CASE DEADLINE NOTIFY; do
  user_var="PLAZO_KAFKA_${service}_USERNAME"
  password_var="PLAZO_KAFKA_${service}_PASSWORD"
  if [ -z "${!user_var:-}" ] || [ -z "${!password_var:-}" ]; then
    echo "${user_var} and ${password_var} must be set (see .env.example)" >&2
    kill "$broker"
    exit 1
  fi
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server 127.0.0.1:9095 --alter --entity-type users \
    --entity-name "${!user_var}" --add-config "SCRAM-SHA-512=[iterations=8192,password=${!password_var}]" > /dev/null
  echo "SCRAM user ${!user_var} is set"
done

touch /tmp/plazo-users-ready
wait "$broker"
