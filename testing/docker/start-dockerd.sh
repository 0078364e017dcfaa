#!/usr/bin/env bash
# Makes sure a Docker engine answers on /var/run/docker.sock: starts Debian's dockerd (package docker.io,
# which testing/setup.sh installs) in the background when none answers. Idempotent; a few seconds.
set -euo pipefail
if docker info >/dev/null 2>&1; then
  docker info --format 'docker engine {{.ServerVersion}} ready'
  exit 0
fi
command -v dockerd >/dev/null 2>&1 || { echo "start-dockerd: dockerd is missing (apt-get install docker.io, or make setup)" >&2; exit 1; }
log=/var/log/dockerd.log
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 120); do
  docker info >/dev/null 2>&1 && { docker info --format 'docker engine {{.ServerVersion}} ready'; exit 0; }
  sleep 0.5
done
echo "start-dockerd: dockerd did not answer within 60 s; its log ($log) ends with:" >&2
tail -20 "$log" >&2
exit 1
