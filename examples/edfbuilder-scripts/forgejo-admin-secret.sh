#!/bin/sh
# Makes the Forgejo admin Secret of an EDFBuilder's cluster once: when the Secret is there (a run before made it,
# or someone else did), it is left alone, so the password never changes on later runs or reconciles.
# Runs in the new cluster as a Job the EDFBuilder compositions compose (image alpine/k8s: sh, kubectl);
# install-test's scripts tests run it against a real kube-apiserver.
#   NAMESPACE, SECRET_NAME: where the Secret goes (keys username, password); ADMIN_USERNAME: its username
#   TRIES, RETRY_DELAY_SECONDS: how often and how far apart an API server that does not answer is asked again
set -eu
namespace="${NAMESPACE:?NAMESPACE is required}"
secret="${SECRET_NAME:?SECRET_NAME is required}"
username="${ADMIN_USERNAME:-giteaAdmin}"
tries="${TRIES:-30}"
delay="${RETRY_DELAY_SECONDS:-5}"

log() { printf '%s forgejo-admin-secret: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

# 0: the Secret exists, 1: it does not; anything else is retried up to $tries times, then the script fails.
secret_exists() {
  attempt=1
  while :; do
    if answer="$(kubectl -n "$namespace" get secret "$secret" -o name 2>&1)"; then
      return 0
    fi
    case "$answer" in
      *NotFound*) return 1 ;;
    esac
    if [ "$attempt" -ge "$tries" ]; then
      log "step 1/2 failed: gave up after $tries tries to read secret $namespace/$secret: $answer"
      exit 1
    fi
    log "step 1/2: try $attempt/$tries to read secret $namespace/$secret failed ($answer); again in ${delay}s"
    attempt=$((attempt + 1))
    sleep "$delay"
  done
}

if secret_exists; then
  log "step 1/2 done: secret $namespace/$secret exists, left alone"
  log "step 2/2 done: nothing to create"
  exit 0
fi
log "step 1/2 done: secret $namespace/$secret does not exist yet"

# 32 characters from the kernel's random source; the password goes to kubectl on stdin, never on a command line.
password="$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-32)"
if answer="$(kubectl -n "$namespace" create -f - 2>&1 <<MANIFEST
apiVersion: v1
kind: Secret
metadata:
  name: $secret
  labels:
    app.kubernetes.io/managed-by: edfbuilder
type: Opaque
stringData:
  username: "$username"
  password: "$password"
MANIFEST
)"; then
  log "step 2/2 done: created secret $namespace/$secret for user $username"
  exit 0
fi
case "$answer" in
  *AlreadyExists*)
    # another run created it between our read and our create: theirs is kept
    log "step 2/2 done: secret $namespace/$secret was created meanwhile, left alone"
    exit 0 ;;
esac
log "step 2/2 failed: cannot create secret $namespace/$secret: $answer"
exit 1
