#!/usr/bin/env python3
"""Reads one mail file with Python's own `email` package (policy.default) and prints JSON.

An independent reader for the Mail tests: whatever GMime wrote, the standard library must read
the same headers and structure. The output is one JSON object:

    {"defects": [...],            # what the parser found wrong with the message, by class name
     "headers": {"subject": [...], ...},   # names lower-cased (they are case-insensitive);
                                           # decoded values (RFC 2047 undone), every occurrence
     "parts": [{"content_type": ..., "charset": ..., "transfer_encoding": ...,
                "disposition": ..., "text": ...}, ...],   # every leaf part, in order; text with
                                                          # LF line ends
     "is_multipart": bool, "has_attachments": bool, "longest_line": int, "crlf": bool}

`longest_line` counts bytes of the raw file without the line end; `crlf` is true when every line
of the raw file ends in CRLF.
"""
import email
import email.policy
import json
import sys


def main():
    with open(sys.argv[1], "rb") as file:
        raw = file.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), []).append(str(value))
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        entry = {
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "disposition": part.get_content_disposition(),
        }
        if part.get_content_maintype() == "text":
            entry["text"] = part.get_content().replace("\r\n", "\n")
        parts.append(entry)
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    defects = [type(defect).__name__ for part in message.walk() for defect in part.defects]
    print(json.dumps({
        "defects": defects,
        "headers": headers,
        "parts": parts,
        "is_multipart": message.is_multipart(),
        "has_attachments": any(True for _ in message.iter_attachments()) if message.is_multipart() else False,
        "longest_line": max((len(line.rstrip(b"\r")) for line in lines), default=0),
        "crlf": all(line.endswith(b"\r") for line in lines),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
