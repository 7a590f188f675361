#!/usr/bin/env python3
"""A real SMTP server on loopback for the Mail tests: aiosmtpd, delivering into a Maildir.

aiosmtpd is the asyncio SMTP server maintained under the aio-libs umbrella (the successor of the
standard library's smtpd). It implements ESMTP, STARTTLS and AUTH PLAIN/LOGIN itself, so the
Swift side talks to a server nobody in this project wrote, through the same code paths a real
mail server exercises.

    smtp_server.py DIR [--port N] [--tls | --smtps] [--user U --password P] [--refuse CODE --refuse-at STAGE]

Every accepted message is stored, byte for byte as received (CRLF line ends, dot-stuffing
undone), in the Maildir DIR/Maildir with Python's `mailbox.Maildir`, with a `Return-Path:` line
in front as a delivering server adds; a JSON line per delivery goes to DIR/deliveries.jsonl (envelope, whether
the session was under TLS, the authenticated user). With --tls a self-signed certificate for
127.0.0.1 and localhost is made with the openssl command into DIR/cert.pem and STARTTLS is
offered; AUTH is then only offered after STARTTLS. --smtps uses the same certificate for TLS from
the first byte (port 465 style) instead. --refuse 451 or 550 answers that code at RCPT
or at the end of DATA. When listening, one line `READY port=N` goes to standard output.
"""
import argparse
import asyncio
import json
import mailbox
import os
import signal
import ssl
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REFUSALS = {
    451: "451 4.3.0 Temporary failure, try again later",
    550: "550 5.1.1 No such user here",
}


class MaildirHandler:
    """Accepts (or refuses) envelopes and stores each message in a Maildir."""

    def __init__(self, directory, refuse, refuse_at):
        self.maildir = mailbox.Maildir(os.path.join(directory, "Maildir"), create=True)
        self.log = os.path.join(directory, "deliveries.jsonl")
        self.refuse = refuse
        self.refuse_at = refuse_at

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse and self.refuse_at == "rcpt":
            return REFUSALS[self.refuse]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse and self.refuse_at == "data":
            return REFUSALS[self.refuse]
        content = b"Return-Path: <" + envelope.mail_from.encode() + b">\r\n" + envelope.original_content
        key = self.maildir.add(content)
        user = None
        if isinstance(session.auth_data, LoginPassword):
            user = session.auth_data.login.decode()
        with open(self.log, "a") as log:
            log.write(json.dumps({
                "key": key,
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                # After STARTTLS and under --smtps alike, the transport is a TLS one.
                "tls": server.transport.get_extra_info("ssl_object") is not None,
                "user": user,
            }) + "\n")
        return "250 2.0.0 OK queued as " + key


def self_signed_context(directory):
    """A TLS context with a fresh self-signed certificate (also the client's trust anchor)."""
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", key, "-out", cert],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def serve(arguments):
    handler = MaildirHandler(arguments.directory, arguments.refuse, arguments.refuse_at)
    tls_context = self_signed_context(arguments.directory) if arguments.tls or arguments.smtps else None

    def authenticator(server, session, envelope, mechanism, auth_data):
        good = (isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == arguments.user
                and auth_data.password.decode() == arguments.password)
        # A failure left unhandled makes aiosmtpd answer 535 itself.
        return AuthResult(success=good, handled=False, auth_data=auth_data if good else None)

    def factory():
        options = {"hostname": "grapevine-test-smtp"}
        if arguments.tls:
            options["tls_context"] = tls_context
        if arguments.user is not None:
            options.update(authenticator=authenticator, auth_required=True,
                           auth_require_tls=arguments.tls)
        return SMTP(handler, **options)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, host="127.0.0.1", port=arguments.port,
                                      ssl=tls_context if arguments.smtps else None)
    port = server.sockets[0].getsockname()[1]
    print(f"READY port={port}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


def main():
    # A child inherits its parent thread's blocked signals (a Swift test runner blocks nearly all):
    # unblock SIGTERM and SIGINT so that stopping the server works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=0)
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--tls", action="store_true")
    tls.add_argument("--smtps", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", type=int, choices=sorted(REFUSALS))
    parser.add_argument("--refuse-at", choices=["rcpt", "data"], default="rcpt")
    arguments = parser.parse_args()
    if (arguments.user is None) != (arguments.password is None):
        parser.error("--user and --password go together")
    asyncio.run(serve(arguments))


if __name__ == "__main__":
    sys.exit(main())
