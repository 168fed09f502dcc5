"""A Python requests client that hard-codes HMRC's sandbox URL, as real software does. It reaches the emulator through
HTTPS_PROXY and trusts its CA through REQUESTS_CA_BUNDLE, both read by requests itself: nothing else is changed.
Env: CLIENT_ID, CLIENT_SECRET, USER_ID, PASSWORD, VRN, FROM, TO (the obligations asked for). Prints one JSON line per step."""
import json
import os
import re
import sys
from urllib.parse import parse_qs, urljoin, urlparse

import requests

BASE = "https://test-api.service.hmrc.gov.uk"
REDIRECT_URI = "http://localhost:3000/callback"
env = os.environ


def report(step, **value):
    print(json.dumps({"step": step, **value}), flush=True)


def main():
    s = requests.Session()
    url = BASE + "/oauth/authorize"
    params = {"response_type": "code", "client_id": env["CLIENT_ID"], "scope": "hello read:vat", "redirect_uri": REDIRECT_URI, "state": "py-1"}
    method, data, code = "GET", None, None
    for _ in range(20):
        res = s.request(method, url, params=params, data=data, allow_redirects=False, timeout=20)
        params, method, data = None, "GET", None
        location = res.headers.get("location")
        if location:
            nxt = urljoin(res.url, location)
            if nxt.startswith(REDIRECT_URI):
                code = parse_qs(urlparse(nxt).query)["code"][0]
                break
            url = nxt
            continue
        action = re.search(r'<form method="post" action="([^"]+)"', res.text).group(1)
        csrf = re.search(r'name="csrfToken" value="([^"]+)"', res.text).group(1)
        fields = {"userId": env["USER_ID"], "password": env["PASSWORD"]} if action.endswith("/sign-in") else {"decision": "grant"}
        url, method, data = urljoin(res.url, action), "POST", {"csrfToken": csrf, **fields}
    report("link", code=bool(code))
    token = s.post(BASE + "/oauth/token", data={"client_id": env["CLIENT_ID"], "client_secret": env["CLIENT_SECRET"], "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}, timeout=20)
    tokens = token.json()
    report("token", status=token.status_code, tokenType=tokens.get("token_type"))
    accept = {"Accept": "application/vnd.hmrc.1.0+json"}
    bearer = {**accept, "Authorization": "Bearer " + tokens["access_token"]}
    world = s.get(BASE + "/hello/world", headers=accept, timeout=20)
    report("hello-world", status=world.status_code, body=world.json())
    user = s.get(BASE + "/hello/user", headers=bearer, timeout=20)
    report("hello-user", status=user.status_code, body=user.json())
    vat = s.get(BASE + "/organisations/vat/" + env["VRN"] + "/obligations", params={"from": env["FROM"], "to": env["TO"]}, headers=bearer, timeout=20)
    report("vat-obligations", status=vat.status_code, body=vat.json())


try:
    main()
except Exception as e:  # noqa: BLE001 - the test reads the kind of failure
    report("error", message=type(e).__name__ + ": " + str(e))
    sys.exit(1)
