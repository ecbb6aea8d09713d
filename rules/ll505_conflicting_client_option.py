"""The same option is given twice to one client constructor, and the later one silently wins.

Why: Python rejects a repeated keyword argument, but not a repeated key in a dict literal:
``{"socket_timeout": 1, "socket_timeout": None}`` is a valid dict whose first value is thrown
away without a word. Passed to a client (directly, through ``**{...}``, through a variable, or
nested as in ``Config(retries={...})`` or ``create_engine(url, connect_args={...})``), it means
the option that runs is not the one the reader sees: a 1,000 ms timeout that turns out to be
"wait forever", or 2 attempts that turn out to be 5. Usually a merge or copy-paste leftover.

Only constructors and calls lambdalint models are checked (database, cache, SDK, HTTP clients,
botocore Config, retry policies, request options such as ``headers=``), and only keys repeated
inside one dict literal given by keyword or ``**``; the finding points at the later key, the one
that takes effect. What a request sends (``json=``, ``data=``, ``params=``) is data, not an
option, and is not checked. Overriding a spread (``{**BASE, "timeout": 2}``) is the
intended way to change a default and is not reported.

Not reported either: ``**{"x": 1}`` together with an explicit ``x=`` keyword. That is not silent:
Python raises ``TypeError: got multiple values for keyword argument 'x'`` on the first call, so
the first test or the first cold start fails loudly; it needs no linter to be found.

How to fix: delete the value that should not apply, keeping the one you meant.
"""

from functools import cache

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL505",
    name="conflicting-client-option",
    summary="Same option given twice to one client constructor; the later silently wins",
    languages=("python",),
    fix="Delete the value that should not apply; not applied automatically, because only the "
        "author knows which one was meant (unsafe).",
    references=(
        "https://docs.python.org/3/reference/expressions.html#dictionary-displays",
        "https://docs.python.org/3/reference/expressions.html#calls",
    ),
)

@cache
def modeled(api):
    """Every constructor and call whose options the tables describe."""
    return frozenset().union(api.CONNECTIONS, api.SDK_CLIENTS, api.SDK_CONFIGS, api.HTTP_CLIENTS, api.HTTP_TIMEOUTS,
                             api.KEEPALIVE_OFF, api.HEADER_CALLS, api.RETRY_POLICIES, api.REDIS_RETRY)


def repeated(mapping):
    """(earlier, later) entries with the same key, in this dict literal and the ones inside it."""
    first = {}
    for entry in mapping.entries or ():
        if entry.name is not None:
            if entry.name in first:
                yield first[entry.name], entry
            first[entry.name] = entry
        yield from repeated(entry)


def check(facts, options):
    api = facts.api
    reported, modeled_calls = set(), modeled(api)
    for call in facts.calls:
        if call.target not in modeled_calls:
            continue
        for arg in call.args:
            if arg.name in api.REQUEST_PAYLOAD or (arg.name is None and not arg.spread):
                continue  # what a request sends, not how the client is built
            for earlier, later in repeated(arg):
                if later.span.start_byte in reported:
                    continue  # one dict shared by several calls: one finding
                reported.add(later.span.start_byte)
                yield RULE.finding(later, f'"{later.name}" is given twice to {call.target}(): {later.text} '
                                          f"silently replaces {earlier.text} (line {earlier.span.line}); "
                                          "keep the one you mean")


EXAMPLES = (
    Example("python", "bad", "retry count repeated in a botocore Config", """
        import boto3
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=2,
                        retries={"total_max_attempts": 2, "mode": "standard", "total_max_attempts": 5})  # expect: LL505
        sqs = boto3.client("sqs", config=CONFIG)

        def lambda_handler(event, context):
            sqs.send_message(QueueUrl=event["queue"], MessageBody="x")
        """),
    Example("python", "bad", "connect_timeout repeated in create_engine's connect_args", """
        import os

        from sqlalchemy import create_engine

        engine = create_engine(
            os.environ["DATABASE_URL"],
            connect_args={
                "connect_timeout": 5,
                "options": "-c statement_timeout=2000",
                "connect_timeout": 30,  # expect: LL505
            },
        )

        def handler(event, context):
            with engine.connect() as conn:
                return conn.exec_driver_sql("SELECT 1").scalar()
        """),
    Example("python", "bad", "socket_timeout turned off by a later key in **{...}", """
        import redis as r

        cache = r.Redis(**{"host": "cache.internal", "socket_connect_timeout": 1,
                           "socket_timeout": 0.5, "socket_timeout": None})  # expect: LL505

        def handler(event, context):
            return cache.get(event["key"])
        """),
    Example("python", "bad", "options dict bound to a name, used by a lazy getter", """
        import pymysql

        DB_OPTIONS = {
            "host": "db.internal",
            "connect_timeout": 1,
            "read_timeout": 2,
            "read_timeout": 60,  # expect: LL505
        }
        _conn = None

        def connection():
            global _conn
            if _conn is None:
                _conn = pymysql.connect(**DB_OPTIONS)
            return _conn

        def handler(event, context):
            with connection().cursor() as cursor:
                cursor.execute("SELECT 1")
        """),
    Example("python", "good", "overriding a spread default is intended", """
        import redis

        BASE = {"host": "cache.internal", "socket_connect_timeout": 1, "socket_timeout": 2}
        cache = redis.Redis(**{**BASE, "socket_timeout": 0.5})

        def handler(event, context):
            return cache.get(event["key"])
        """),
    Example("python", "good", "each option once", """
        import boto3
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=2, retries={"total_max_attempts": 2, "mode": "standard"})
        sqs = boto3.client("sqs", config=CONFIG)

        def lambda_handler(event, context):
            sqs.send_message(QueueUrl=event["queue"], MessageBody="x")
        """),
    Example("python", "good", "a repeated key in data that no client receives", """
        import requests

        session = requests.Session()

        def handler(event, context):
            record = {"status": "new", "source": "api", "status": event["status"]}
            session.post("https://api.example.com/records", json=record, timeout=(1, 3))
        """),
)
