"""An HTTP client or session is created on every invocation.

Why: the client owns the connection pool. Building it per request throws the pool away, so
every request pays a new TCP connection and TLS handshake to the same hosts; keep-alive cut
AWS API call latency by about 40 ms per call in the source measurements, and the handshake to
a distant host costs more. A client created at module scope keeps its warm connections across
invocations of the execution environment.

Not reported: clients built behind a once-per-environment guard (``if session is None``,
``functools.lru_cache``), and clients whose arguments come from the request (a tenant's base
URL or credentials taken from the event), which are per request on purpose; a per-tenant cache
(a dict keyed by tenant at module scope) is the remedy.

``httpx.AsyncClient`` and ``aiohttp.ClientSession`` are bound to the event loop that created
them: ``asyncio.run`` per invocation cannot reuse them. Keep one loop for the environment,
run each invocation with ``loop.run_until_complete``, and create the session once on it.

How to fix: create the session or client once at module scope (or in a lazy getter) and use it
from the handler; ``with requests.Session() as s:`` inside the handler is the same mistake.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL103",
    name="http-client-in-handler",
    summary="HTTP client or session created in per-invocation code",
    languages=("python",),
    fix="Move the client to module scope or a lazy getter; not applied automatically, because "
        "moving it changes when it runs (unsafe).",
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
        "https://requests.readthedocs.io/en/latest/user/advanced/#session-objects",
        "https://www.python-httpx.org/advanced/clients/",
        "https://docs.aiohttp.org/en/stable/client_reference.html",
    ),
)


def check(facts, options):
    api = facts.api
    for call in facts.per_request_calls():
        if call.target not in api.HTTP_CLIENTS or call.tainted:
            continue  # not an HTTP client, or per-tenant on purpose
        fix = ("create it once on one event loop kept at module scope (loop.run_until_complete, "
               "not asyncio.run)" if call.target in api.LOOP_BOUND else "create it once at module scope")
        yield RULE.finding(call, f"{api.HTTP_CLIENTS[call.target]}() is created on every invocation: its "
                                 "connection pool is thrown away and each request pays a new TCP+TLS "
                                 f"handshake (~40 ms); {fix} and reuse it")


EXAMPLES = (
    Example("python", "bad", "session opened by a with block in the handler", """
        import requests

        def lambda_handler(event, context):
            with requests.Session() as s:  # expect: LL103
                s.headers["Authorization"] = "Bearer token"
                return s.get("https://api.example.com/orders", timeout=3).json()
        """),
    Example("python", "bad", "aiohttp session inside asyncio.run, httpx client in a helper", """
        import asyncio

        import aiohttp
        from httpx import Client

        async def fetch(url):
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3)) as s:  # expect: LL103
                async with s.get(url) as resp:
                    return await resp.json()

        def notify(message):
            with Client(timeout=3) as client:  # expect: LL103
                client.post("https://hooks.example.com/notify", json={"text": message})

        def handler(event, context):
            data = asyncio.run(fetch("https://api.example.com/prices"))
            notify("prices fetched")
            return data
        """),
    Example("python", "bad", "aliased import in a Powertools-decorated handler", """
        import urllib3 as u3
        from aws_lambda_powertools import Tracer

        tracer = Tracer()

        @tracer.capture_lambda_handler
        def process(evt, ctx):
            http = u3.PoolManager(timeout=u3.Timeout(connect=1, read=2))  # expect: LL103
            return http.request("GET", "https://api.example.com/health").status
        """),
    Example("python", "bad", "handler named only in serverless.yml", """
        import httpx

        async def fetch(path):
            async with httpx.AsyncClient(base_url="https://api.example.com", timeout=3) as client:  # expect: LL103
                return (await client.get(path)).json()

        def main(payload, ctx):
            import asyncio

            return asyncio.run(fetch(payload["path"]))
        """, path="src/prices.py", files=(("serverless.yml", """
        service: prices
        provider:
          name: aws
          runtime: python3.12
        functions:
          prices:
            handler: src/prices.main
        """),)),
    Example("python", "good", "session at module level", """
        import requests

        session = requests.Session()
        session.headers["Authorization"] = "Bearer token"

        def lambda_handler(event, context):
            return session.get("https://api.example.com/orders", timeout=3).json()
        """),
    Example("python", "good", "lazy singleton helper and an lru_cache factory", """
        from functools import lru_cache

        import httpx
        import requests

        _session = None

        def session():
            global _session
            if _session is None:
                _session = requests.Session()
            return _session

        @lru_cache(maxsize=None)
        def api(base_url):
            return httpx.Client(base_url=base_url, timeout=3)

        def handler(event, context):
            prices = api("https://api.example.com").get("/prices").json()
            session().post("https://hooks.example.com/notify", json=prices, timeout=3)
        """),
    Example("python", "good", "aiohttp session created once on a loop kept for the environment", """
        import asyncio

        import aiohttp

        loop = asyncio.new_event_loop()
        _session = None

        async def session():
            global _session
            if _session is None:
                _session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3))
            return _session

        async def fetch(url):
            s = await session()
            async with s.get(url) as resp:
                return await resp.json()

        def handler(event, context):
            return loop.run_until_complete(fetch(event["url"]))
        """),
    Example("python", "good", "per-tenant client built from the event on purpose", """
        import httpx

        def handler(event, context):
            with httpx.Client(base_url=event["tenant_url"], timeout=3) as client:
                return client.get("/status").json()
        """),
)
