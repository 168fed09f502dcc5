#!/usr/bin/env bash
# A curl client that hard-codes HMRC's sandbox URL, as real software does. How it reaches the emulator is the
# caller's: CURL_ROUTE is "--connect-to test-api.service.hmrc.gov.uk:443:127.0.0.1:<port>" (a hosts file's stand-in)
# or "--proxy http://127.0.0.1:<port>"; trust comes from CURL_CA_BUNDLE. Nothing else is changed.
# Env: CLIENT_ID, CLIENT_SECRET, USER_ID, PASSWORD, VRN, FROM, TO (the obligations asked for). Prints one JSON line per step.
set -uo pipefail
BASE=https://test-api.service.hmrc.gov.uk
REDIRECT_URI=http://localhost:3000/callback
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# shellcheck disable=SC2086 # CURL_ROUTE is two words on purpose
c() { curl -sS --max-time 20 -b "$dir/jar" -c "$dir/jar" $CURL_ROUTE -o "$dir/body" -D "$dir/headers" -w '%{http_code}' "$@"; }
fail() { printf '{"step":"error","message":"%s"}\n' "$1"; exit 1; }

url="$BASE/oauth/authorize?response_type=code&client_id=$CLIENT_ID&scope=hello+read:vat&redirect_uri=$REDIRECT_URI&state=curl-1"
post=""
code=""
for _ in $(seq 20); do
  if [ -n "$post" ]; then status=$(c --data "$post" "$url") || fail "curl exit $?"; else status=$(c "$url") || fail "curl exit $?"; fi
  post=""
  location=$(tr -d '\r' < "$dir/headers" | sed -n 's/^[Ll]ocation: //p' | tail -n 1)
  if [ -n "$location" ]; then
    case "$location" in
      "$REDIRECT_URI"*) code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p'); break ;;
      /*) url="$BASE$location" ;;
      *) url="$location" ;;
    esac
    continue
  fi
  action=$(grep -o '<form method="post" action="[^"]*"' "$dir/body" | head -n 1 | sed 's/.*action="\([^"]*\)"/\1/')
  csrf=$(grep -o 'name="csrfToken" value="[^"]*"' "$dir/body" | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
  [ -n "$action" ] && [ -n "$csrf" ] || fail "no form at $url ($status)"
  case "$action" in
    */sign-in) post="csrfToken=$csrf&userId=$USER_ID&password=$PASSWORD" ;;
    *) post="csrfToken=$csrf&decision=grant" ;;
  esac
  url="$BASE$action"
done
printf '{"step":"link","code":%s}\n' "$([ -n "$code" ] && echo true || echo false)"

status=$(c --data "client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET&grant_type=authorization_code&code=$code&redirect_uri=$REDIRECT_URI" "$BASE/oauth/token") || fail "curl exit $?"
token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$dir/body")
printf '{"step":"token","status":%s}\n' "$status"
accept='Accept: application/vnd.hmrc.1.0+json'
status=$(c -H "$accept" "$BASE/hello/world") || fail "curl exit $?"
printf '{"step":"hello-world","status":%s,"body":%s}\n' "$status" "$(cat "$dir/body")"
status=$(c -H "$accept" -H "Authorization: Bearer $token" "$BASE/hello/user") || fail "curl exit $?"
printf '{"step":"hello-user","status":%s,"body":%s}\n' "$status" "$(cat "$dir/body")"
status=$(c -H "$accept" -H "Authorization: Bearer $token" "$BASE/organisations/vat/$VRN/obligations?from=$FROM&to=$TO") || fail "curl exit $?"
printf '{"step":"vat-obligations","status":%s,"body":%s}\n' "$status" "$(cat "$dir/body")"
