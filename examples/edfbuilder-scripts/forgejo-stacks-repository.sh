#!/bin/sh
# Creates the EDFBuilder's stacks repository in its Forgejo once Forgejo answers, filled from the source
# repository by Forgejo's migration API (one call creates and fills it). A repository that exists is left alone,
# so later runs change nothing. Runs in the new cluster as a Job the EDFBuilder compositions compose
# (image alpine/k8s: sh, curl, jq); install-test's scripts tests run it against a loopback Forgejo API.
#   FORGEJO_URL: Forgejo's base URL; FORGEJO_USERNAME, FORGEJO_PASSWORD: its admin (the admin Secret)
#   STACKS_REPO: owner/name of the repository (the owner is an organization, made when missing)
#   SOURCE_URL: the git URL the stacks are copied from
#   TRIES, RETRY_DELAY_SECONDS: how often and how far apart a Forgejo that does not answer is asked again
set -eu
base="${FORGEJO_URL:?FORGEJO_URL is required}/api/v1"
user="${FORGEJO_USERNAME:?FORGEJO_USERNAME is required}"
password="${FORGEJO_PASSWORD:?FORGEJO_PASSWORD is required}"
repo="${STACKS_REPO:?STACKS_REPO is required}"
source_url="${SOURCE_URL:?SOURCE_URL is required}"
tries="${TRIES:-60}"
delay="${RETRY_DELAY_SECONDS:-5}"
owner="${repo%%/*}"
name="${repo#*/}"
case "$repo" in
  */*/* | /* | */ | *[!A-Za-z0-9._/-]*) echo "STACKS_REPO must be owner/name, not $repo" >&2; exit 2 ;;
  */*) ;;
  *) echo "STACKS_REPO must be owner/name, not $repo" >&2; exit 2 ;;
esac
answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT

log() { printf '%s forgejo-stacks-repository: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

# request STEP METHOD PATH [JSON]: sets $status (and the body in $answer). A Forgejo that does not answer, or
# answers 5xx, is asked again up to $tries times; then the script fails with the step that gave up.
request() {
  step="$1" method="$2" path="$3" body="${4:-}"
  attempt=1
  while :; do
    # the password reaches curl in a config on stdin (quotes and backslashes escaped), never on its command line
    set -- -X "$method" -H 'Accept: application/json'
    [ -z "$body" ] || set -- "$@" -H 'Content-Type: application/json' --data "$body"
    status="$(printf 'user = "%s"\n' "$(printf '%s:%s' "$user" "$password" | sed 's/[\\"]/\\&/g')" \
      | curl --silent --show-error --config - \
      --max-time 600 --output "$answer" --write-out '%{http_code}' "$@" "$base$path" 2>>"$answer.err")" \
      || status=000
    case "$status" in
      000 | 5??) ;;
      *) rm -f "$answer.err"; return 0 ;;
    esac
    if [ "$attempt" -ge "$tries" ]; then
      log "$step failed: gave up after $tries tries of $method $path (last answer: HTTP $status $(tail -c 300 "$answer.err" "$answer" 2>/dev/null | tr '\n' ' '))"
      exit 1
    fi
    log "$step: try $attempt/$tries of $method $path got HTTP $status; again in ${delay}s"
    rm -f "$answer.err"
    attempt=$((attempt + 1))
    sleep "$delay"
  done
}

fail() { log "$1 failed: HTTP $status: $(head -c 300 "$answer")"; exit 1; }

request "step 1/4" GET /version
[ "$status" = 200 ] || fail "step 1/4"
log "step 1/4 done: Forgejo $(jq -r .version "$answer") answers at $FORGEJO_URL"

request "step 2/4" GET "/repos/$owner/$name"
case "$status" in
  200)
    log "step 2/4 done: repository $repo exists, left alone"
    log "step 3/4 done: nothing to do"
    log "step 4/4 done: nothing to do"
    exit 0 ;;
  404) log "step 2/4 done: repository $repo does not exist yet" ;;
  *) fail "step 2/4" ;;
esac

request "step 3/4" GET "/orgs/$owner"
case "$status" in
  200) log "step 3/4 done: organization $owner exists" ;;
  404)
    request "step 3/4" POST /orgs "$(jq -cn --arg owner "$owner" '{username: $owner, visibility: "public"}')"
    [ "$status" = 201 ] || fail "step 3/4"
    log "step 3/4 done: created organization $owner" ;;
  *) fail "step 3/4" ;;
esac

request "step 4/4" POST /repos/migrate "$(jq -cn --arg url "$source_url" --arg owner "$owner" --arg name "$name" \
  '{clone_addr: $url, repo_owner: $owner, repo_name: $name, service: "git", mirror: false, private: false}')"
case "$status" in
  201) log "step 4/4 done: created $repo from $source_url ($(jq -r .clone_url "$answer"))" ;;
  409) log "step 4/4 done: repository $repo was created meanwhile, left alone" ;;
  *) fail "step 4/4" ;;
esac
