#!/bin/bash
# A replica set with authentication needs a key file for its members' internal
# authentication, even with one member. It is made once per data volume, readable by the
# mongodb user only, then the image's own entrypoint starts mongod (and, on the first start
# only, runs /docker-entrypoint-initdb.d/, which creates the services' users).
set -euo pipefail

key=/data/db/replica-set.key
if [ ! -f "$key" ]; then
  head -c 756 /dev/urandom | base64 -w 0 > "$key"
fi
chmod 400 "$key"
chown mongodb:mongodb "$key"

exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$key"
