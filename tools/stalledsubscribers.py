#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Memory under subscribers that stop reading (docs/security.md §7, --max-buffered-bytes).

Starts dayboard-server (memory storage, loopback, port 0, the extra flags given), opens N
WebSocket subscribers on one key that never read (16 KiB receive buffer) and one that reads,
writes W values of 100 KB to the key over REST, then prints the server's RSS (peak and after),
how many stalled subscribers the server closed, what the reader received, and the RSS a few
seconds after every socket closed. Only 127.0.0.1 is contacted.

  tools/stalledsubscribers.py --server build/server/dayboard-server [--stalled 60] [--writes 150]
                              [-- --max-buffered-bytes 67108864]
"""
import argparse, base64, http.client, json, os, socket, struct, subprocess, sys, tempfile, threading, time

API_KEY = "stalled-test-key-0123456789"


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def upgrade(port, token, rcvbuf=None):
    sock = socket.socket()
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(f"GET /ws?token={token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 101"), head
    return sock


def read_frames(sock, counts):
    """Counts text frames and remembers a close code, until the socket ends."""
    buf = b""
    while True:
        try:
            data = sock.recv(1 << 20)
        except OSError:
            return
        if not data:
            return
        buf += data
        while len(buf) >= 2:
            opcode, length, at = buf[0] & 0x0F, buf[1] & 0x7F, 2
            if length == 126:
                if len(buf) < 4: break
                length, at = struct.unpack(">H", buf[2:4])[0], 4
            elif length == 127:
                if len(buf) < 10: break
                length, at = struct.unpack(">Q", buf[2:10])[0], 10
            if len(buf) < at + length:
                break
            if opcode == 1:
                counts["text"] += 1
            elif opcode == 8:
                counts["close"] = struct.unpack(">H", buf[at:at + 2])[0] if length >= 2 else 1005
            buf = buf[at + length:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--stalled", type=int, default=60)
    ap.add_argument("--writes", type=int, default=150)
    ap.add_argument("extra", nargs="*", help="flags for dayboard-server, after --")
    args = ap.parse_args()

    data = tempfile.mkdtemp(prefix="dayboard-stalled-")
    log = open(os.path.join(data, "server.log"), "w+")
    server = subprocess.Popen([args.server, "--memory", "--data-dir", data, "--port", "0", "--api-key", API_KEY]
                              + args.extra, stdout=subprocess.PIPE, stderr=log, text=True)
    port = None
    for line in server.stdout:
        if "127.0.0.1:" in line:
            port = int(line.rsplit(":", 1)[1].split()[0].strip("/"))
            break
    assert port, "no listening line"
    rest = http.client.HTTPConnection("127.0.0.1", port)

    def post(path, body):
        rest.request("POST", path, json.dumps(body), {"x-api-key": API_KEY, "content-type": "application/json"})
        response = rest.getresponse()
        return response.status, response.read()

    def token():
        return json.loads(post("/token/websocket", {"subscribeKeys": ["big"]})[1])["token"]

    idle = rss_kib(server.pid)
    stalled = [upgrade(port, token(), rcvbuf=16 * 1024) for _ in range(args.stalled)]
    reader = upgrade(port, token())
    counts = {"text": 0, "close": None}
    thread = threading.Thread(target=read_frames, args=(reader, counts), daemon=True)
    thread.start()

    value = "v" * 100_000
    peak = 0
    start = time.monotonic()
    for _ in range(args.writes):
        status, _ = post("/record", {"key": "big", "value": value})
        assert status == 200, status
        peak = max(peak, rss_kib(server.pid))
    elapsed = time.monotonic() - start
    deadline = time.monotonic() + 30
    while counts["text"] < args.writes and time.monotonic() < deadline:
        time.sleep(0.05)
    loaded = rss_kib(server.pid)
    hwm = rss_kib(server.pid, "VmHWM")

    # Which stalled subscribers did the server close? Drain each and look for its close frame.
    closed = 0
    for sock in stalled:
        sock.settimeout(5)
        c = {"text": 0, "close": None}
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        read_until = time.monotonic() + 5
        buf_counts = threading.Thread(target=read_frames, args=(sock, c), daemon=True)
        buf_counts.start()
        while c["close"] is None and buf_counts.is_alive() and time.monotonic() < read_until:
            time.sleep(0.01)
        closed += c["close"] == 4001
        sock.close()
    reader.close()
    time.sleep(3)  # the trim runs within a second of the release
    after = rss_kib(server.pid)
    server.terminate()
    server.wait(30)
    print(f"flags: {' '.join(args.extra) or '(defaults)'}")
    print(f"{args.stalled} stalled subscribers + 1 reader, {args.writes} writes of 100 KB in {elapsed:.1f} s")
    print(f"server RSS: idle {idle / 1024:.1f} MiB, peak sampled {peak / 1024:.1f} MiB, VmHWM {hwm / 1024:.1f} MiB, "
          f"after the writes {loaded / 1024:.1f} MiB, 3 s after every socket closed {after / 1024:.1f} MiB")
    log.seek(0)
    text = log.read()
    print(f"server log: {text.count('output budget is exhausted')} closed by the total budget, "
          f"{text.count('closing slow websocket peer')} by the per-socket limit")
    print(f"stalled subscribers that read a 4001 close frame while draining: {closed} of {args.stalled}; "
          f"reader received {counts['text']} of {args.writes} notifications, close code {counts['close']}")


if __name__ == "__main__":
    sys.exit(main())
