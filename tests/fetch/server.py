#!/usr/bin/env python3
"""server.py — the HTTP server the fetch tests talk to, on 127.0.0.1.

Prints two lines and then serves until killed:
    PORT          where it listens
    CLOSED_PORT   a port that was bound and closed again (connections to it
                  are refused)

Routes (any method unless said):
    /json                 {"name": "corio", "items": [1, 2, 3], "ok": true}
    /delay?ms=N           waits N ms, then 200 "waited N ms"; if the client
                          closes the connection first, logs {"event":
                          "closed", "path": ..., "after_ms": ...} and stops
    /status/N             status N, body "status N"
    /echo                 JSON of the request: method, path, query, headers
                          (a list of [name, value] as received), body (text)
    /headers              a response with headers in a known order and case
    /redirect?to=PATH     302 to PATH
    /gzip                 a gzip-encoded text body
    /log                  the JSON list of logged events
Every request is logged as {"event": "request", "path": ...} too.
"""
import gzip
import json
import os
import select
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOG = []
LOG_LOCK = threading.Lock()


def log(event):
    with LOG_LOCK:
        LOG.append(event)


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'  # keep-alive, like real servers

    def log_message(self, fmt, *args):  # quiet
        pass

    def send(self, status, body, content_type='text/plain; charset=utf-8', headers=()):
        if isinstance(body, str):
            body = body.encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def send_json(self, obj, status=200):
        self.send(status, json.dumps(obj), 'application/json; charset=utf-8')

    def read_body(self):
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length else b''

    def client_closed(self):
        # Readable with nothing to read: the client closed its end.
        readable, _, _ = select.select([self.connection], [], [], 0)
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b''
        except OSError:
            return True

    def handle_any(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        body = self.read_body()
        log({'event': 'request', 'path': self.path, 'method': self.command})
        path = url.path
        if path == '/json':
            self.send_json({'name': 'corio', 'items': [1, 2, 3], 'ok': True})
        elif path == '/delay':
            ms = int(query.get('ms', ['0'])[0])
            start = time.monotonic()
            while (time.monotonic() - start) * 1000 < ms:
                if self.client_closed():
                    log({'event': 'closed', 'path': self.path,
                         'after_ms': round((time.monotonic() - start) * 1000)})
                    self.close_connection = True
                    return
                time.sleep(0.005)
            self.send(200, f'waited {ms} ms')
        elif path.startswith('/status/'):
            code = int(path[len('/status/'):])
            self.send(code, f'status {code}')
        elif path == '/echo':
            self.send_json({
                'method': self.command,
                'path': url.path,
                'query': url.query,
                'headers': [[k, v] for k, v in self.headers.items()],
                'body': body.decode('utf-8', 'replace'),
            })
        elif path == '/headers':
            self.send(200, 'headers', headers=[
                ('X-First', '1'), ('x-lower-case', 'two'), ('X-Multi', 'a'), ('X-Multi', 'b')])
        elif path == '/redirect':
            to = query.get('to', ['/json'])[0]
            self.send(302, '', headers=[('Location', to)])
        elif path == '/gzip':
            self.send(200, gzip.compress(b'squeezed text ' * 20),
                      headers=[('Content-Encoding', 'gzip')])
        elif path == '/log':
            with LOG_LOCK:
                events = list(LOG)
            self.send_json(events)
        else:
            self.send(404, 'no such route')

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = handle_any


def closed_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # socketserver's 5 drops concurrent connects


def exit_with_parent():
    # The test's runner started this server: if it goes away without
    # stopping it (killed on a timeout), so does the server.
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


def main():
    threading.Thread(target=exit_with_parent, daemon=True).start()
    server = Server(('127.0.0.1', 0), Handler)
    print(server.server_address[1])
    print(closed_port())
    sys.stdout.flush()
    server.serve_forever()


if __name__ == '__main__':
    main()
