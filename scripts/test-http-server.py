#!/usr/bin/env python3
"""A small web site on 127.0.0.1 for the URL-list tests (standard library only).

Prints the port it listens on as its first line, then serves until killed or for --lifetime seconds:
  /robots.txt               User-agent *: Disallow /private/
  /page-a.html              an article with an ETag (If-None-Match -> 304)
  /page-b.html              an article with Last-Modified (If-Modified-Since -> 304)
  /moved                    301 -> /target.html (an article with an ETag)
  /loop                     302 -> /loop (too many redirects)
  /missing.html             404
  /slow.html                answers after --slow seconds (a timeout for the client)
  /flaky.html               500 the first time, then an article with an ETag
  /image.png                a PNG (not HTML)
  /private/secret.html      an article, but robots.txt forbids it
  /__log                    JSON: every request so far (path, arrival time, User-Agent, If-None-Match,
                            If-Modified-Since)
"""
import argparse
import json
import os
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPH = ("The council voted on Tuesday to approve the new budget for the harbour district, "
             "a plan that officials said would pay for repairs to the sea wall and two new ferry piers. ")


def article(title):
    body = "".join(f"<p>{PARAGRAPH * 2}Paragraph {i} of the story about {title}.</p>\n" for i in range(6))
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>\n{body}</article></body></html>").encode()


LOCK = threading.Lock()
LOG = []
COUNTS = {}
LAST_MODIFIED = "Tue, 05 Mar 2024 10:00:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    slow = 3.0

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def with_etag(self, etag, body):
        if self.headers.get("If-None-Match") == etag:
            self.send(304, headers=[("ETag", etag)])
        else:
            self.send(200, body, headers=[("ETag", etag)])

    def do_GET(self):
        path = self.path
        with LOCK:
            LOG.append({"path": path, "time": time.monotonic(), "user_agent": self.headers.get("User-Agent"),
                        "if_none_match": self.headers.get("If-None-Match"),
                        "if_modified_since": self.headers.get("If-Modified-Since")})
            COUNTS[path] = COUNTS.get(path, 0) + 1
            count = COUNTS[path]
        if path == "/__log":
            with LOCK:
                self.send(200, json.dumps(LOG).encode(), "application/json")
        elif path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/page-a.html":
            self.with_etag('"a1"', article("Harbour budget approved"))
        elif path == "/page-b.html":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send(304)
            else:
                self.send(200, article("Ferry piers planned"), headers=[("Last-Modified", LAST_MODIFIED)])
        elif path == "/moved":
            self.send(301, b"", headers=[("Location", "/target.html")])
        elif path == "/target.html":
            self.with_etag('"t1"', article("Sea wall repairs"))
        elif path == "/loop":
            self.send(302, b"", headers=[("Location", "/loop")])
        elif path == "/slow.html":
            time.sleep(self.slow)
            try:
                self.send(200, article("Too slow"))
            except OSError:
                pass
        elif path == "/flaky.html":
            if count == 1:
                self.send(500, b"<html><body>try again</body></html>")
            else:
                self.with_etag('"f1"', article("Council votes again"))
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png")
        elif path == "/private/secret.html":
            self.send(200, article("Secret"))
        else:
            self.send(404, b"<html><body>not found</body></html>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=float, default=3.0)
    parser.add_argument("--lifetime", type=float, default=300.0)
    args = parser.parse_args()
    Handler.slow = args.slow
    # A parent that blocks signals in its threads (a test runner) passes the mask on: unblock SIGTERM so
    # that the test can stop the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    # Never outlive a test that forgot to stop it.
    threading.Timer(args.lifetime, lambda: os._exit(0)).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
