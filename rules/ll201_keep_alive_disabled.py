"""An HTTP client is told not to keep connections alive.

Why: a kept-alive connection is reused by the next request to the same host; without it every
request opens a new TCP connection and, for HTTPS, a new TLS handshake. HTTP keep-alive cut AWS
API call latency by about 40 ms on average in the source measurements, and a warm Lambda
environment is exactly where reused connections pay off. The options that turn it off:
``aiohttp.TCPConnector(force_close=True)`` (close after each request), ``httpx.Limits(
max_keepalive_connections=0)`` (keep no idle connection) or ``keepalive_expiry=0`` (expire
them at once), and a ``Connection: close`` request header (the server closes the connection
after its response), set on a client, a session or a single request.

Not reported: header mappings that cannot be seen (built elsewhere, or spread from a variable
after the ``Connection`` key), and headers assigned item by item
(``session.headers["Connection"] = "close"``).

How to fix: delete the option or the header; the libraries keep connections alive by default.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL201",
    name="keep-alive-disabled",
    summary="HTTP keep-alive turned off on a client, session or request",
    languages=("python",),
    fix="Remove the option or the Connection: close header; not applied automatically (unsafe: "
        "some servers misbehave with reused connections, which may be why it was set).",
    references=(
        "https://docs.aiohttp.org/en/stable/client_reference.html#tcpconnector",
        "https://www.python-httpx.org/advanced/resource-limits/",
        "https://www.rfc-editor.org/rfc/rfc9112#name-persistence",
        "https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/node-reusing-connections.html",
    ),
)

COST = "so every request pays a new TCP and TLS handshake (keep-alive saves about 40 ms per call)"


def connection_header(headers):
    """The effective ``Connection`` entry of a header mapping, or None (absent or unknown)."""
    found = None
    for entry in headers.entries or ():
        if entry.spread:
            inner = connection_header(entry) if entry.entries is not None else None
            found = inner or (found if entry.entries is not None else None)
        elif entry.name is not None and entry.name.lower() == "connection":
            found = entry
    return found


def check(facts, options):
    api = facts.api
    for call in facts.calls:
        for keyword, value in api.KEEPALIVE_OFF.get(call.target, ()):
            arg = call.kwarg(keyword)
            if arg is not None and arg.literal is not None and arg.literal == value:
                yield RULE.finding(arg, f"{keyword}={arg.text} on {call.target}() turns HTTP keep-alive off, {COST}; "
                                        "remove it")
        if call.target in api.HEADER_CALLS:
            headers = call.option("headers", api.HEADER_CALLS[call.target])
            entry = connection_header(headers) if headers is not None else None
            if entry is not None and isinstance(entry.literal, str) and entry.literal.strip().lower() == "close":
                yield RULE.finding(entry, f'a "Connection: close" header on {call.target}() makes the server '
                                          f"drop the connection after each response, {COST}; remove it")


EXAMPLES = (
    Example("python", "bad", "aiohttp connector that closes every connection", """
        import aiohttp

        _session = None

        async def session():
            global _session
            if _session is None:
                connector = aiohttp.TCPConnector(limit=10, force_close=True)  # expect: LL201
                _session = aiohttp.ClientSession(connector=connector)
            return _session
        """, path="clients.py"),
    Example("python", "bad", "httpx limits that keep no idle connection", """
        import httpx

        LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=0)  # expect: LL201
        client = httpx.Client(base_url="https://api.example.com", limits=LIMITS)

        def lambda_handler(event, context):
            return client.get(f"/orders/{event['id']}").json()
        """),
    Example("python", "bad", "Connection: close on a session and on a PoolManager", """
        import requests
        import urllib3

        session = requests.Session()
        session.headers.update({"User-Agent": "orders/1.0", "Connection": "close"})  # expect: LL201
        http = urllib3.PoolManager(timeout=3.0, headers={"connection": "Close"})  # expect: LL201

        def handler(event, context):
            session.get("https://api.example.com/ping", timeout=(1, 3))
            return http.request("GET", "https://status.example.com").status
        """),
    Example("python", "bad", "Connection: close from a shared header dict, Powertools handler", """
        import requests
        from aws_lambda_powertools import Logger

        logger = Logger()
        HEADERS = {"Accept": "application/json", "Connection": "close"}  # expect: LL201
        session = requests.Session()

        @logger.inject_lambda_context
        def process(evt, ctx):
            return session.post("https://api.example.com/orders", json=evt, headers=HEADERS, timeout=(1, 3)).json()
        """),
    Example("python", "good", "default connectors and limits keep connections alive", """
        import httpx

        client = httpx.Client(base_url="https://api.example.com",
                              limits=httpx.Limits(max_connections=20, max_keepalive_connections=10,
                                                  keepalive_expiry=30))

        def lambda_handler(event, context):
            return client.get(f"/orders/{event['id']}").json()
        """),
    Example("python", "good", "keep-alive header, and a later key that overrides a close", """
        import requests

        BASE = {"Accept": "application/json", "Connection": "close"}
        session = requests.Session()
        session.headers.update({**BASE, "Connection": "keep-alive"})

        def handler(event, context):
            return session.get("https://api.example.com/ping", headers={"Connection": "keep-alive"},
                               timeout=(1, 3)).json()
        """),
    Example("python", "good", "aiohttp connector with keep-alive, headers from elsewhere", """
        import aiohttp
        from myapp.http import DEFAULT_HEADERS

        _session = None

        async def session():
            global _session
            if _session is None:
                _session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=10, keepalive_timeout=30),
                                                 headers=DEFAULT_HEADERS)
            return _session
        """, path="clients.py"),
)
