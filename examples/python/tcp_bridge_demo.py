#!/usr/bin/env python3
"""Drives OpenUTM Verification over the TCP event-bus bridge with the standard library only.

Creates a session, starts a background step, runs other steps meanwhile, joins the task and prints the results.
Start the service with the TCP bridge on (config `bridge: {tcp_port: 7000}`), then:
    python3 examples/python/tcp_bridge_demo.py 127.0.0.1 7000
Frames are a 4-byte big-endian length followed by UTF-8 JSON. A service with an API token (http.auth_token) needs
it in every frame: OPENUTM_TOKEN=<token> python3 examples/python/tcp_bridge_demo.py 127.0.0.1 7000
"""
import json
import os
import socket
import struct
import sys
import uuid


class Bridge:
    def __init__(self, host, port, token=None):
        self.sock = socket.create_connection((host, port), timeout=60)
        self.token = token

    def _send(self, frame):
        data = json.dumps(frame).encode("utf-8")
        self.sock.sendall(struct.pack(">I", len(data)) + data)

    def _recv(self):
        size = struct.unpack(">I", self._exactly(4))[0]
        return json.loads(self._exactly(size).decode("utf-8"))

    def _exactly(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("the bridge closed the connection")
            buf += chunk
        return buf

    def request(self, address, body, timeout_ms=30000):
        reply = str(uuid.uuid4())
        headers = {"timeout": timeout_ms}
        if self.token:
            headers["token"] = self.token
        self._send({"type": "send", "address": address, "body": body, "replyAddress": reply, "headers": headers})
        while True:
            frame = self._recv()
            if frame.get("type") == "err":
                raise RuntimeError("%s: %s" % (frame.get("failureCode"), frame.get("message") or frame.get("body")))
            if frame.get("address") == reply:
                return frame["body"]


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    bus = Bridge(host, port, os.environ.get("OPENUTM_TOKEN"))
    session = bus.request("verification.sessions", {"action": "create"})["session_id"]
    address = "verification.session." + session
    print("session", session)
    task = bus.request(address, {"action": "step", "id": "bg", "step": "Wait X seconds",
                                 "arguments": {"duration": "1s"}, "run_in_background": True})
    print("background task", task["task_id"], task["status"])
    number = bus.request(address, {"action": "step", "id": "dice", "step": "Generate Random Number",
                                   "arguments": {"min": 1, "max": 6}})
    print("meanwhile", number["id"], number["status"], number["result"])
    joined = bus.request(address, {"action": "join", "task_id": task["task_id"]}, timeout_ms=120000)
    print("joined", joined["id"], joined["status"], "after %.2f s" % joined["duration"])
    results = bus.request(address, {"action": "results"})["results"]
    print("results", [(r["id"], r["status"]) for r in results])
    return 0 if joined["status"] == "success" and number["status"] == "success" else 1


if __name__ == "__main__":
    sys.exit(main())
