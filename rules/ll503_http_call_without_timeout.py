"""An outbound HTTP call or client has no timeout.

Why: ``requests`` has no default timeout, and neither do ``urllib.request.urlopen``,
``http.client`` connections and ``urllib3.PoolManager`` (they wait for the socket default,
which is forever). One unresponsive API then holds the invocation until the Lambda timeout
ends it, up to 900,000 ms billed for a call that should have failed after about 1 s to connect
and a few seconds to read; meanwhile retries from the caller stack more invocations on the
same stalled dependency. Libraries with a default (httpx: 5 s, urllib3's ``urllib3.request``:
3 s) are reported only when the timeout is turned off with ``timeout=None``, which always
waits forever.

One root cause gives one finding: a call on a client whose construction is already reported
(``urllib3.PoolManager()`` without ``timeout=``, ``httpx.Client(timeout=None)``) is not
reported again.

Not reported: ``**kwargs`` that may carry the timeout; sessions whose transport is replaced
with ``session.mount(...)`` (an adapter subclass may add a default timeout); ``urlopen`` and
``http.client`` in a file that calls ``socket.setdefaulttimeout(...)``.

How to fix: pass ``timeout=(1, <read seconds>)`` to each ``requests`` call, ``timeout=`` to
``urlopen``, ``HTTPSConnection`` and ``PoolManager`` (``urllib3.Timeout(connect=1, read=...)``),
and an ``httpx.Timeout(...)`` instead of None.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL503",
    name="http-call-without-timeout",
    summary="Outbound HTTP call or client without a timeout",
    languages=("python",),
    fix="Pass timeout=; not applied automatically, because the right read timeout depends on "
        "the API (unsafe).",
    references=(
        "https://requests.readthedocs.io/en/latest/user/advanced/#timeouts",
        "https://www.python-httpx.org/advanced/timeouts/",
        "https://urllib3.readthedocs.io/en/stable/reference/urllib3.poolmanager.html",
        "https://docs.python.org/3/library/urllib.request.html#urllib.request.urlopen",
        "https://docs.python.org/3/library/http.client.html#http.client.HTTPConnection",
    ),
)


def check(facts, options):
    api = facts.api
    mounted = {c.receiver for c in facts.calls if c.target in api.CUSTOM_TRANSPORT and c.receiver}
    socket_default = any(c.target in api.SOCKET_DEFAULT_TIMEOUT for c in facts.calls)
    for call in facts.calls:
        spec = api.HTTP_TIMEOUTS.get(call.target)
        if spec is None or call.spread or (call.receiver is not None and call.receiver in mounted):
            continue  # not an HTTP call, **kwargs, or a transport that may add a timeout
        if spec.socket_default and socket_default:
            continue  # socket.setdefaulttimeout(...) gives it one
        timeout = call.option(spec.keyword, spec.position)
        if timeout is None and spec.required:
            yield RULE.finding(call, f"{call.target}() has no timeout and waits forever for a stalled "
                                     f"server, holding the invocation until Lambda kills it; pass "
                                     f"{spec.keyword}= (fail fast: about 1 s to connect)")
        elif timeout is not None and timeout.literal is None:
            yield RULE.finding(call, f"{call.target}({spec.keyword}=None) turns the timeout off and waits "
                                     "forever for a stalled server; pass a timeout (fail fast: about "
                                     "1 s to connect)")


EXAMPLES = (
    Example("python", "bad", "requests session call without a timeout", """
        import requests

        session = requests.Session()

        def lambda_handler(event, context):
            response = session.get(f"https://api.example.com/orders/{event['id']}")  # expect: LL503
            return response.json()
        """),
    Example("python", "bad", "urlopen at init and a PoolManager without timeouts", """
        import json
        from urllib.request import urlopen

        import urllib3

        SETTINGS = json.load(urlopen("https://config.example.com/app.json"))  # expect: LL503
        http = urllib3.PoolManager(num_pools=4)  # expect: LL503

        def handler(event, context):
            return http.request("GET", SETTINGS["endpoint"]).data
        """),
    Example("python", "bad", "timeout=None turns httpx's 5 s default off", """
        import httpx
        from aws_lambda_powertools import Tracer

        tracer = Tracer()
        client = httpx.Client(base_url="https://api.example.com", timeout=None)  # expect: LL503

        @tracer.capture_lambda_handler
        def process(evt, ctx):
            return client.get("/orders").json()
        """),
    Example("python", "bad", "session built in a lazy helper, explicit timeout=None on the call", """
        import requests as rq

        _session = None

        def session():
            global _session
            if _session is None:
                _session = rq.Session()
            return _session

        def handler(event, context):
            session().post("https://hooks.example.com/notify", json=event, timeout=None)  # expect: LL503
        """),
    Example("python", "good", "connect and read timeouts on every call", """
        import requests

        session = requests.Session()

        def lambda_handler(event, context):
            response = session.get(f"https://api.example.com/orders/{event['id']}", timeout=(1, 3))
            return response.json()
        """),
    Example("python", "good", "httpx keeps its 5 s default; PoolManager with a Timeout", """
        import httpx
        import urllib3

        client = httpx.Client(base_url="https://api.example.com")
        http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=1.0, read=3.0))

        def handler(event, context):
            http.request("POST", "https://hooks.example.com/notify", json=event)
            return client.get("/orders").json()
        """),
    Example("python", "good", "adapter mounted on the session, **kwargs, socket default", """
        import socket
        from urllib.request import urlopen

        import requests
        from myapp.http import TimeoutAdapter

        socket.setdefaulttimeout(2)
        session = requests.Session()
        session.mount("https://", TimeoutAdapter(timeout=3))
        BANNER = urlopen("https://config.example.com/banner.txt").read()

        def handler(event, context):
            options = {"timeout": 2}
            session.get("https://api.example.com/ping")
            return session.post("https://api.example.com/orders", json=event, **options).json()
        """),
)
