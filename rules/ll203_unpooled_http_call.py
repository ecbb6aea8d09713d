"""An HTTP request is made through a one-shot function that opens a new connection per call.

Why: ``requests.get()`` and its siblings build a fresh ``Session`` for the one call and close
it after, ``httpx.get()`` and ``aiohttp.request()`` do the same with a one-time client, and
``urllib.request.urlopen`` and ``http.client.HTTPSConnection`` made in the handler keep nothing
between requests. Every call therefore pays a new TCP connection and TLS handshake; keep-alive
cut AWS API call latency by about 40 ms per call in the source measurements, and a loop of
such calls pays it on every iteration.

Not reported: requests sent through a session or client (``session.get(...)``), and these
calls in code that runs once per environment (module scope, a cached factory).

How to fix: create a ``requests.Session()`` (``httpx.Client()``, ``urllib3.PoolManager()``,
``aiohttp.ClientSession()``) once at module scope and send the requests through it; its pool
keeps the connection open across invocations of the environment.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL203",
    name="unpooled-http-call",
    summary="One-shot HTTP call (new TCP+TLS connection per call) in per-invocation code",
    languages=("python",),
    fix="Send the request through a session created at module scope; not applied automatically, "
        "because a session also keeps cookies and default headers between calls (unsafe).",
    references=(
        "https://requests.readthedocs.io/en/latest/user/advanced/#session-objects",
        "https://www.python-httpx.org/advanced/clients/",
        "https://docs.aiohttp.org/en/stable/client_reference.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
    ),
)


def check(facts, options):
    api = facts.api
    for call in facts.per_request_calls():
        if call.target not in api.UNPOOLED_CALLS:
            continue
        pooled = api.POOLED_ALTERNATIVE.get(call.target.rsplit(".", 1)[0], "pooled client")
        where = ("on one event loop kept at module scope" if pooled.removesuffix("()") in api.LOOP_BOUND
                 else "at module scope")
        yield RULE.finding(call, f"{call.target}() opens a new connection (TCP+TLS handshake, ~40 ms) "
                                 f"on every call; send it through a shared {pooled} created {where}")


EXAMPLES = (
    Example("python", "bad", "the requests vendored in old botocore", """
        from botocore.vendored import requests

        def lambda_handler(event, context):
            return requests.get("https://httpbin.org/get", timeout=2).json()  # expect: LL203
        """),
    Example("python", "bad", "requests.post in the handler and in a loop", """
        import requests

        def lambda_handler(event, context):
            for record in event["Records"]:
                requests.post("https://hooks.example.com/orders", data=record["body"], timeout=3)  # expect: LL203
            return requests.get("https://api.example.com/health", timeout=3).status_code  # expect: LL203
        """),
    Example("python", "bad", "from-imports and aliases in a helper the handler calls", """
        import json
        import urllib.request as ur
        from http.client import HTTPSConnection

        from httpx import get

        def fetch(path):
            conn = HTTPSConnection("api.example.com", timeout=3)  # expect: LL203
            conn.request("GET", path)
            return json.loads(conn.getresponse().read())

        def handler(event, context):
            with ur.urlopen("https://api.example.com/rates", timeout=3) as resp:  # expect: LL203
                rates = json.load(resp)
            return fetch("/prices"), rates, get("https://api.example.com/fx", timeout=3).json()  # expect: LL203
        """),
    Example("python", "bad", "aiohttp.request inside asyncio.run", """
        import asyncio

        import aiohttp

        async def fetch(url):
            async with aiohttp.request("GET", url, timeout=aiohttp.ClientTimeout(total=3)) as resp:  # expect: LL203
                return await resp.json()

        def handler(event, context):
            return asyncio.run(fetch(event["url"]))
        """),
    Example("python", "bad", "handler method called on self", """
        import requests

        class Notifier:
            def handle(self, event, context):
                return self.send(event["message"])

            def send(self, text):
                return requests.post("https://hooks.example.com/notify", json={"text": text}, timeout=3)  # expect: LL203

        handler = Notifier().handle
        """),
    Example("python", "good", "session created once, requests sent through it", """
        import requests

        session = requests.Session()

        def lambda_handler(event, context):
            for record in event["Records"]:
                session.post("https://hooks.example.com/orders", data=record["body"], timeout=3)
            return session.get("https://api.example.com/health", timeout=3).status_code
        """),
    Example("python", "good", "one-shot call at module scope and in an lru_cache factory", """
        from functools import lru_cache

        import httpx
        import requests

        CONFIG = requests.get("https://config.example.com/app.json", timeout=3).json()

        @lru_cache(maxsize=None)
        def schema(name):
            return httpx.get(f"https://schemas.example.com/{name}.json", timeout=3).json()

        def handler(event, context):
            return CONFIG["version"], schema(event["type"])
        """),
    Example("python", "good", "httpx client and urllib3 pool manager from a lazy getter", """
        import httpx
        import urllib3

        http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=1, read=2))
        _client = None

        def client():
            global _client
            if _client is None:
                _client = httpx.Client(base_url="https://api.example.com", timeout=3)
            return _client

        def handler(event, context):
            health = http.request("GET", "https://status.example.com/").status
            return client().get("/prices").json(), health
        """),
)
