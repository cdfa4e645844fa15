#!/usr/bin/env python3
"""A fake Justworks Partner API for permaudit's tests (Python standard library only).

It listens on a free loopback port, prints "PORT <n>" on its first output line, and exits
when its standard input closes (so it never outlives the test that started it).

Behaviour is chosen with --scenario, a comma-separated list:
  rate_limit     the first GET /v1/members answers 429 with Retry-After: 1
  server_error   the first GET /v1/members answers 500
  always_500     every GET /v1/members answers 500
  drop           the first GET /v1/members closes the connection without an answer
  expired_token  the first access token issued is refused with 401
  always_401     every access token is refused with 401
  malformed      GET /v1/members answers truncated JSON
  slow           GET /v1/members answers after 5 seconds
  rotate         every token grant rotates the refresh token
  no_scope       the token answer has no "scope"
  secret=VALUE   plant VALUE in tokens, member records and error bodies

GET /_fake/requests lists the requests received (method, path, query parameter names,
whether an Authorization header came) for assertions; it never echoes secrets.
"""

import argparse
import json
import os
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SERVICE_ID = "m_svc_7301"
SERVICE_EMAIL = "Acme-SVC@Connect.Example"
MEMBER_COUNT = 250


def make_members(secret):
    members = []
    for index in range(1, MEMBER_COUNT + 1):
        members.append({
            "id": "m_%04d" % index,
            "name": {"given_name": "Person", "family_name": "Number %d" % index},
            "active": True,
            "type": "full_time_employee",
            "emails": [{"type": "WORK", "address": "person%04d@acme.example" % index}],
            "job_title": "Engineer",
            "department": {"id": "d_1", "name": "Engineering"},
            "office": {"id": "o_1", "name": "New York"},
            "employment_start_date": "2024-01-15",
        })
    service = {
        "id": SERVICE_ID,
        "company_id": "c_1",
        "name": {"given_name": "Acme", "family_name": "Service Account"},
        "active": True,
        "type": "third_party_admin",
        "emails": [
            {"type": "HOME", "address": "someone@home.example"},
            {"type": "WORK", "address": SERVICE_EMAIL},
        ],
        "job_title": "Integration User",
        "department": {"id": "d_0", "name": "No Department"},
        "office": {"id": "o_9", "name": "Remote (work from home)"},
        "employment_start_date": "2026-11-30",
    }
    if secret:
        service["partner_settings"] = {"api_key": secret}
        service["notes"] = "token " + secret
    members.insert(231, service)
    return members


class State:
    def __init__(self, args):
        self.args = args
        self.scenarios = set()
        self.secret = ""
        for item in (args.scenario or "").split(","):
            item = item.strip()
            if item.startswith("secret="):
                self.secret = item[len("secret="):]
            elif item:
                self.scenarios.add(item)
        self.members = make_members(self.secret)
        self.refresh_token = args.refresh_token
        self.lock = threading.Lock()
        self.grants = 0
        self.member_gets = 0
        self.valid_tokens = set()
        self.log = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    @property
    def state(self):
        return self.server.state

    def record(self):
        parsed = urllib.parse.urlsplit(self.path)
        with self.state.lock:
            self.state.log.append({
                "method": self.command,
                "path": parsed.path,
                "query": sorted(urllib.parse.parse_qs(parsed.query).keys()),
                "authorized": "Authorization" in self.headers,
            })

    def send_json(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def error_body(self, code):
        body = {"error": code}
        if self.state.secret:
            body["error_description"] = "leaked " + self.state.secret
        return body

    # --- OAuth ---------------------------------------------------------------------------

    def do_POST(self):
        self.record()
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        field = lambda name: (form.get(name) or [""])[0]
        if urllib.parse.urlsplit(self.path).path != "/oauth/token":
            return self.send_json(404, {"error": "not_found"})
        state = self.state
        with state.lock:
            if field("grant_type") != "refresh_token":
                return self.send_json(400, self.error_body("unsupported_grant_type"))
            if (field("client_id") != state.args.client_id
                    or field("client_secret") != state.args.client_secret):
                return self.send_json(401, self.error_body("invalid_client"))
            if field("refresh_token") != state.refresh_token:
                return self.send_json(400, self.error_body("invalid_grant"))
            state.grants += 1
            token = "at-%d-%s" % (state.grants, state.secret or "plain")
            expired = "expired_token" in state.scenarios and state.grants == 1
            if not expired and "always_401" not in state.scenarios:
                state.valid_tokens.add(token)
            answer = {"access_token": token, "token_type": "bearer",
                      "expires_at": "2030-01-01T00:00:00Z"}
            if "no_scope" not in state.scenarios:
                answer["scope"] = state.args.scope
            if "rotate" in state.scenarios:
                state.refresh_token = "rt-rotated-%d-%s" % (state.grants, state.secret or "x")
                answer["refresh_token"] = state.refresh_token
        self.send_json(200, answer)

    # --- Resources -----------------------------------------------------------------------

    def do_GET(self):
        self.record()
        parsed = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(parsed.query)
        state = self.state
        if parsed.path == "/_fake/requests":
            with state.lock:
                return self.send_json(200, state.log)
        if parsed.path.startswith("/evidence/"):
            return self.evidence(parsed.path)

        auth = self.headers.get("Authorization", "")
        token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
        with state.lock:
            authorized = token in state.valid_tokens
        if not authorized:
            return self.send_json(401, self.error_body("invalid_token"))

        if parsed.path == "/v1/members":
            return self.list_members(query)
        if parsed.path.startswith("/v1/members/"):
            member_id = urllib.parse.unquote(parsed.path[len("/v1/members/"):])
            for member in state.members:
                if member["id"] == member_id:
                    return self.send_json(200, member)
            return self.send_json(404, {"error": "not_found"})
        self.send_json(404, {"error": "not_found"})

    def list_members(self, query):
        state = self.state
        with state.lock:
            state.member_gets += 1
            first = state.member_gets == 1
        if "rate_limit" in state.scenarios and first:
            return self.send_json(429, self.error_body("rate_limited"), {"Retry-After": "1"})
        if "server_error" in state.scenarios and first or "always_500" in state.scenarios:
            return self.send_json(500, self.error_body("server_error"))
        if "drop" in state.scenarios and first:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if "malformed" in state.scenarios:
            return self.send_json(200, b'{"items": [{"id": "m_0001", "name": ')
        if "slow" in state.scenarios:
            time.sleep(5)

        limit = int((query.get("limit") or ["100"])[0])
        if limit < 1 or limit > 100:
            return self.send_json(400, {"error": "invalid_request"})
        start = int((query.get("cursor") or ["0"])[0].replace("cur-", "") or 0)
        items = state.members[start:start + limit]
        answer = {"items": items}
        if start + limit < len(state.members):
            answer["next_cursor"] = "cur-%d" % (start + limit)
        self.send_json(200, answer)

    def evidence(self, path):
        expected = "Bearer " + self.state.args.evidence_token
        if self.headers.get("Authorization", "") != expected:
            return self.send_json(401, {"error": "invalid_token"})
        document = {
            "system": "justworks", "collected_at": "2026-12-04T08:00:00Z",
            "source": "export:https-fake",
            "account": {"id": SERVICE_ID, "admin_access": True, "invitation": "work_email"},
        }
        if path == "/evidence/account.json":
            return self.send_json(200, document)
        if path == "/evidence/batch.jsonl":
            other = dict(document, account={"id": "m_other", "admin_access": False})
            data = (json.dumps(document) + "\n" + json.dumps(other) + "\n").encode()
            return self.send_json(200, data)
        self.send_json(404, {"error": "not_found"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="")
    parser.add_argument("--client-id", default="client-fake")
    parser.add_argument("--client-secret", default="secret-fake")
    parser.add_argument("--refresh-token", default="rt-initial")
    parser.add_argument("--evidence-token", default="evidence-token")
    parser.add_argument(
        "--scope", default="member.basic:read company.basic:read member.employment:read")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = State(args)
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)

    def watch_stdin():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
