#!/usr/bin/env python3
"""A command-line HMRC client in Python's standard library only: the conformance kit's fixture for a vendor written in
another language, driven through the command driver with an out-of-band code pasted on stdin.

    hmrc_vendor.py link     prints the authorisation URL, reads the code from stdin, exchanges it
    hmrc_vendor.py link-listen   the same with a redirect to http://localhost:PORT/: serves that one callback
    hmrc_vendor.py start    prints the authorisation URL and ends; then
    hmrc_vendor.py enter-code CODE   exchanges the code the user pasted
    hmrc_vendor.py call     calls Hello User with the stored token (refreshing once when it has expired)
    hmrc_vendor.py status   prints {"state": "linked" | "not-linked" | "must-link-again" | "error", "message": ...}
    hmrc_vendor.py reset    forgets everything

Configuration comes from the environment the kit sets: HMRC_BASE_URL, HMRC_CLIENT_ID, HMRC_CLIENT_SECRET,
HMRC_REDIRECT_URI (urn:ietf:wg:oauth:2.0:oob) and HMRC_CONFORMANCE_WORKDIR (where the state file lives).
"""
import base64
import hashlib
import http.server
import json
import os
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone

BASE = os.environ["HMRC_BASE_URL"].rstrip("/")
CLIENT_ID = os.environ["HMRC_CLIENT_ID"]
CLIENT_SECRET = os.environ["HMRC_CLIENT_SECRET"]
REDIRECT_URI = os.environ.get("HMRC_REDIRECT_URI", "urn:ietf:wg:oauth:2.0:oob")
WORKDIR = os.environ.get("HMRC_CONFORMANCE_WORKDIR", ".")
# Each user has their own state file (tokens included): `hmrc_vendor.py call <user>`; the user defaults to "user".
USER = sys.argv[2] if len(sys.argv) == 3 and sys.argv[1] != "enter-code" else "user"
STATE_FILE = os.path.join(WORKDIR, "python-vendor-" + "".join(c for c in USER if c.isalnum() or c == "-") + ".json")


def load():
    try:
        with open(STATE_FILE, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {"state": "not-linked", "message": "", "device_id": str(uuid.uuid4())}


def save(data):
    with open(STATE_FILE, "w", encoding="utf-8") as f:
        json.dump(data, f)


def request(method, path, data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(BASE + path, data=body, method=method, headers=headers or {})
    if body is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(req, timeout=20) as res:
            return res.status, json.loads(res.read() or b"{}")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw or b"{}")
        except ValueError:
            return e.code, {}


def token(form):
    return request("POST", "/oauth/token", dict(form, client_id=CLIENT_ID, client_secret=CLIENT_SECRET))


def start_link(data):
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": CLIENT_ID, "scope": "hello", "state": secrets.token_urlsafe(24),
        "redirect_uri": REDIRECT_URI, "code_challenge": challenge, "code_challenge_method": "S256",
    })
    print(f"Open this address in your browser, sign in and grant authority:\n{BASE}/oauth/authorize?{query}", flush=True)
    return verifier


def exchange(data, code, verifier):
    if not code:
        data.update(state="not-linked", message="No code entered: the software is not linked to HMRC.")
        save(data)
        print("\n" + data["message"])
        return 1
    status, body = token({"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI, "code_verifier": verifier})
    if status != 200:
        if not data.get("access_token"):
            data.update(state="not-linked", message="The code was not accepted (it may have expired). Run link again.")
        save(data)
        print("\nThe code was not accepted (it may have expired). Run link again.")
        return 1
    data.update(access_token=body["access_token"], refresh_token=body["refresh_token"], state="linked", message="Linked to HMRC.")
    data.pop("verifier", None)
    save(data)
    print("\nLinked to HMRC.")
    return 0


def link():
    data = load()
    verifier = start_link(data)
    print("Then paste the code HMRC shows you: ", end="", flush=True)
    return exchange(data, sys.stdin.readline().strip(), verifier)


def link_listen():
    """Desktop-app style: listen on the localhost redirect URI for exactly one callback, then end."""
    data = load()
    expected_state = secrets.token_urlsafe(24)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    outcome = {"exit": 1}

    class Callback(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, text):
            body = f"<!DOCTYPE html><title>{text}</title><p>{text} You can close this window.</p>".encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            if query.get("state", [""])[0] != expected_state:
                self.reply(400, "This link is not recognised.")
                return
            if "error" in query:
                data.update(state="not-linked", message="You did not grant authority, so the software is not linked.")
                save(data)
                self.reply(200, "Not linked.")
                return
            outcome["exit"] = exchange(data, query.get("code", [""])[0], verifier)
            self.reply(200 if outcome["exit"] == 0 else 400, "Linked to HMRC." if outcome["exit"] == 0 else "The link did not complete.")

    port = urllib.parse.urlparse(REDIRECT_URI).port
    server = http.server.HTTPServer(("127.0.0.1", port), Callback)
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": CLIENT_ID, "scope": "hello", "state": expected_state,
        "redirect_uri": REDIRECT_URI, "code_challenge": challenge, "code_challenge_method": "S256",
    })
    print(f"Open this address in your browser, sign in and grant authority:\n{BASE}/oauth/authorize?{query}", flush=True)
    server.handle_request()
    server.server_close()
    return outcome["exit"]


def start():
    data = load()
    data["verifier"] = start_link(data)
    save(data)
    print("Then run: hmrc_vendor.py enter-code <the code HMRC shows you>")
    return 0


def enter_code(code):
    data = load()
    if not data.get("verifier"):
        print("Start linking first: hmrc_vendor.py start", file=sys.stderr)
        return 1
    return exchange(data, code.strip(), data["verifier"])


def fraud_headers(data):
    now = datetime.now(timezone.utc)
    return {
        "Gov-Client-Connection-Method": "DESKTOP_APP_DIRECT",
        "Gov-Client-Device-ID": data["device_id"],
        "Gov-Client-Local-IPs": "10.1.2.3",
        "Gov-Client-Local-IPs-Timestamp": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
        "Gov-Client-MAC-Addresses": urllib.parse.quote("ea:43:1a:5d:21:45", safe=""),
        "Gov-Client-Multi-Factor": "type=TOTP&timestamp=" + urllib.parse.quote(now.strftime("%Y-%m-%dT%H:%MZ"), safe="") + "&unique-reference=" + hashlib.sha256(b"user-1").hexdigest(),
        "Gov-Client-Screens": "width=1920&height=1080&scaling-factor=1&colour-depth=24",
        "Gov-Client-Timezone": "UTC+00:00",
        "Gov-Client-User-Agent": "os-family=Linux&os-version=6.1&device-manufacturer=Example&device-model=Desktop",
        "Gov-Client-User-IDs": "os=user1&python-vendor=user-1",
        "Gov-Client-Window-Size": "width=1256&height=803",
        "Gov-Vendor-License-IDs": "python-vendor=" + hashlib.sha256(b"licence-1").hexdigest(),
        "Gov-Vendor-Product-Name": "Python%20Vendor",
        "Gov-Vendor-Version": "python-vendor=1.0.0",
    }


def hello(data):
    headers = dict(fraud_headers(data), Authorization="Bearer " + data["access_token"], Accept="application/vnd.hmrc.1.0+json")
    return request("GET", "/hello/user", headers=headers)


def call():
    data = load()
    if not data.get("access_token"):
        outcome = "must-link-again" if data["state"] == "must-link-again" else "not-linked"
        print(json.dumps({"outcome": outcome, "message": "Link the software to HMRC first."}))
        return 0
    status, body = hello(data)
    if status == 401:
        refreshed, grant = token({"grant_type": "refresh_token", "refresh_token": data["refresh_token"]})
        if refreshed == 200:
            data.update(access_token=grant["access_token"], refresh_token=grant["refresh_token"])
            save(data)
            status, body = hello(data)
        elif refreshed == 400:
            data.pop("access_token", None)
            data.pop("refresh_token", None)
            data.update(state="must-link-again", message="HMRC no longer accepts your authority: run link again.")
            save(data)
            print(json.dumps({"outcome": "must-link-again", "message": data["message"]}))
            return 0
    for attempt in range(2):
        if status != 429:
            break
        time.sleep(0.05 * 2 ** attempt)
        status, body = hello(data)
    if status == 200:
        data.update(state="linked", message="Linked to HMRC.")
        save(data)
        print(json.dumps({"outcome": "ok", "message": body.get("message")}))
    elif status == 403:
        data.update(state="error", message="HMRC says you are not authorised for this taxpayer.")
        save(data)
        print(json.dumps({"outcome": "error", "message": data["message"]}))
    else:
        # Tell the truth: HMRC did not answer, so the user sees an error (the tokens are kept for the retry).
        data.update(state="error", message=f"HMRC could not answer ({status}); try again later.")
        save(data)
        print(json.dumps({"outcome": "error", "message": data["message"]}))
    return 0


def status():
    data = load()
    print(json.dumps({"state": data["state"], "message": data.get("message", "")}))
    return 0


def reset():
    for name in os.listdir(WORKDIR):
        if name.startswith("python-vendor-") and name.endswith(".json"):
            os.remove(os.path.join(WORKDIR, name))
    return 0


if __name__ == "__main__":
    commands = {"link": link, "link-listen": link_listen, "start": start, "call": call, "status": status, "reset": reset}
    if len(sys.argv) == 3 and sys.argv[1] == "enter-code":
        sys.exit(enter_code(sys.argv[2]))
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in commands:
        print("usage: hmrc_vendor.py link|link-listen|start|enter-code CODE|call|status|reset", file=sys.stderr)
        sys.exit(2)
    sys.exit(commands[sys.argv[1]]())
