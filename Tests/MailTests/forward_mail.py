#!/usr/bin/env python3
"""Re-encodes a mail the way forwarding mail clients do, with Python's `email` package.

    forward_mail.py MODE IN OUT

Reads the message in IN and writes a new one to OUT whose text is the original text, re-encoded:

    quoted-printable   the text as quoted-printable (UTF-8)
    base64             the text as base64 (UTF-8)
    windows-1252       the text in Windows-1252 (as Outlook sends it), quoted-printable
    alternative        multipart/alternative: the text (base64) and an HTML twin
    footer             the text with a signature footer ("-- " and a name) in the same part
    forward            multipart/mixed: a note with a signature, the original as message/rfc822
                       (itself re-encoded as multipart/alternative), and a list footer part

The MIME structure and encodings come from Python's own generator, not from the code under
test, so the Mail parser is checked against what another implementation writes.
"""
import email
import email.policy
import html
import sys
from email.message import EmailMessage

FOOTER = "\n-- \nBob Forwarder\nSent from my phone\n"


def text_of(original):
    return original.get_body(preferencelist=("plain",)).get_content()


def with_headers(original, subject_prefix=""):
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = "Bob Forwarder <bob@forward.example.com>"
    message["To"] = original["To"]
    message["Subject"] = subject_prefix + original["Subject"]
    message["Date"] = original["Date"]
    message["Message-ID"] = "<forwarded-" + original["Message-ID"].strip("<>")  + ">"
    return message


def main():
    mode, source, target = sys.argv[1:4]
    with open(source, "rb") as file:
        original = email.message_from_binary_file(file, policy=email.policy.default)
    text = text_of(original)
    if mode == "quoted-printable":
        message = with_headers(original)
        message.set_content(text, cte="quoted-printable")
    elif mode == "base64":
        message = with_headers(original)
        message.set_content(text, cte="base64")
    elif mode == "windows-1252":
        message = with_headers(original)
        message.set_content(text, charset="windows-1252", cte="quoted-printable")
    elif mode == "alternative":
        message = with_headers(original)
        message.set_content(text, cte="base64")
        message.add_alternative("<html><body><pre>" + html.escape(text) + "</pre></body></html>", subtype="html")
    elif mode == "footer":
        message = with_headers(original)
        message.set_content(text + FOOTER, cte="quoted-printable")
    elif mode == "forward":
        inner = with_headers(original)
        inner.set_content(text, cte="base64")
        inner.add_alternative("<html><body><pre>" + html.escape(text) + "</pre></body></html>", subtype="html")
        message = with_headers(original, "Fwd: ")
        message.set_content("Have a look at this one." + FOOTER)
        message.add_attachment(inner)
        message.add_attachment("You are subscribed to hints. Unsubscribe: https://lists.example.com/u\n",
                               disposition="inline")
    else:
        sys.exit("forward_mail.py: unknown mode " + mode)
    with open(target, "wb") as file:
        file.write(message.as_bytes(policy=email.policy.SMTP))


if __name__ == "__main__":
    main()
