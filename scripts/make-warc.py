#!/usr/bin/env python3
"""Writes a WARC file with warcio (a standard WARC writer) from saved pages, for the WARC tests.

    make-warc.py OUT.warc[.gz] --page URI FILE CHARSET [--page ...] [--pages-from TSV] [--extras]
                 [--warc-version 1.0|1.1]

Each --page becomes a `request` and a `response` record (HTTP/1.1 200, Content-Type text/html with the
charset, or none when CHARSET is "-"); FILE may be gzipped (it is stored inflated, as a server sends it).
OUT ending in .gz is written with one gzip member per record. --extras adds records wirepipe must skip or
decode: a warcinfo, a 404 page, a PNG image, a metadata and a revisit record, and the first page again
under another URI with chunked transfer coding and gzip content coding.
"""
import argparse
import gzip
import io
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def response(writer, uri, status, headers, body, date):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def raw_response(writer, uri, raw, date):
    """A response whose HTTP message is written byte for byte (chunked bodies)."""
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(raw), length=len(raw),
        warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def chunked(body, size=1000):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--page", nargs=3, action="append", default=[], metavar=("URI", "FILE", "CHARSET"))
    parser.add_argument("--pages-from", help="a file of tab-separated URI, FILE, CHARSET lines (many pages)")
    parser.add_argument("--extras", action="store_true")
    parser.add_argument("--warc-version", default="1.0")
    args = parser.parse_args()
    if args.pages_from:
        with open(args.pages_from, encoding="utf-8") as f:
            args.page += [line.rstrip("\n").split("\t") for line in f if line.strip()]
    date = "2024-03-01T12:00:00Z"
    with open(args.out, "wb") as out:
        writer = WARCWriter(out, gzip=args.out.endswith(".gz"), warc_version=args.warc_version)
        if args.extras:
            writer.write_record(writer.create_warcinfo_record(args.out, {"software": "warcio via wirepipe scripts/make-warc.py"}))
        for uri, path, charset in args.page:
            body = page_bytes(path)
            request = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"))
            writer.write_record(request)
            content_type = "text/html" if charset == "-" else f"text/html; charset={charset}"
            response(writer, uri, "200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))], body, date)
        if args.extras:
            response(writer, "https://example.org/missing", "404 Not Found", [("Content-Type", "text/html")],
                     b"<html><body><p>Not found</p></body></html>", date)
            response(writer, "https://example.org/logo.png", "200 OK", [("Content-Type", "image/png")],
                     b"\x89PNG\r\n\x1a\n" + bytes(64), date)
            meta = writer.create_warc_record("https://example.org/logo.png", "metadata",
                                             payload=io.BytesIO(b"outlinks: none\r\n"), warc_content_type="application/warc-fields")
            writer.write_record(meta)
            if args.page:
                uri, path, charset = args.page[0]
                body = gzip.compress(page_bytes(path))
                content_type = "text/html" if charset == "-" else f"text/html; charset={charset}"
                raw = (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() +
                       b"\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body))
                raw_response(writer, uri + "?chunked", raw, date)
                revisit = writer.create_revisit_record(uri, digest="sha1:AAAA", refers_to_uri=uri, refers_to_date=date)
                writer.write_record(revisit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
