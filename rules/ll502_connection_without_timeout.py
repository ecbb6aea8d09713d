"""A database or cache client is built without a connect timeout or a command timeout.

Why: most drivers wait forever by default. pymysql reads, psycopg2 (libpq) connects, redis-py
before 8.0, pymemcache, pg8000 and pymongo socket reads all block until the OS gives up on
the TCP connection, which takes minutes; a Lambda invocation stuck there runs until its own
timeout, billed the whole time, while retries pile more invocations onto the same stalled
server. The source's fail-fast budget is about 1 s to connect and 0.5 s per command: against
a cache that answers in 0.35-0.71 ms, anything longer than that is an outage, not a slow reply.

Each missing half is reported: a client with a connect timeout but no command (socket, read)
timeout still hangs on a server that accepted the connection and stopped answering. Libraries
without a client-side command timeout (libpq, aiomysql) are checked for the connect timeout
only.

libpq also reads ``PGCONNECT_TIMEOUT`` from the environment (psycopg2, psycopg 3): a function
that sets it in its configuration has a connect timeout this rule cannot see; suppress the
finding there with ``# noqa: LL502`` or a per-file ignore.

Not reported: options passed through ``**kwargs``, a client handed a pool built elsewhere
(``redis.Redis(connection_pool=pool)``: the pool carries the timeouts), and a connection
string that is not a literal (``redis.from_url(os.environ["REDIS_URL"])``): it may carry the timeouts. A literal
URL or DSN that names them counts (``connect_timeout=5`` in a libpq DSN, ``socketTimeoutMS=``
in a MongoDB URI, ``socket_timeout=`` in a Redis URL query).

How to fix: pass both timeouts, e.g. ``pymysql.connect(..., connect_timeout=1, read_timeout=2)``
or ``redis.Redis(..., socket_connect_timeout=1, socket_timeout=0.5)``.
"""

import re

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL502",
    name="connection-without-timeout",
    summary="Database or cache client built without a connect or command timeout",
    languages=("python",),
    fix="Pass the library's connect and command timeouts; not applied automatically, because "
        "the right values depend on the workload (unsafe).",
    references=(
        "https://pymysql.readthedocs.io/en/latest/modules/connections.html",
        "https://dev.mysql.com/doc/connector-python/en/connector-python-connectargs.html",
        "https://docs.oracle.com/cd/E17952_01/connector-python-relnotes-en/news-9-2-0.html",
        "https://www.postgresql.org/docs/current/libpq-connect.html",
        "https://www.postgresql.org/docs/current/libpq-envars.html",
        "https://magicstack.github.io/asyncpg/current/api/index.html",
        "https://redis.readthedocs.io/en/stable/connections.html",
        "https://github.com/redis/redis-py/issues/2243",
        "https://pymongo.readthedocs.io/en/stable/api/pymongo/mongo_client.html",
        "https://pymemcache.readthedocs.io/en/latest/apidoc/pymemcache.client.base.html",
    ),
)

KINDS = (("connect", "connect timeout"), ("read", "command timeout"))


def is_set(call, name, url):
    """``name`` is given a value other than None, as a keyword or in the literal URL."""
    name = name.lower()
    if any(a.name and a.name.lower() == name and a.literal is not None for a in call.args):
        return True
    return re.search(rf"(?:^|[\s?&;]){re.escape(name)}\s*=", url) is not None


def check(facts, options):
    api = facts.api
    for call in facts.calls:
        connection = api.CONNECTIONS.get(call.target)
        if connection is None or call.spread or not (connection.connect or connection.read) \
                or any(call.kwarg(k) is not None for k in connection.via):
            continue  # not checked, **kwargs, or a pool built elsewhere that carries the timeouts
        url = call.option(*connection.url) if connection.url else None
        if url is not None and not isinstance(url.literal, str):
            continue  # a connection string built elsewhere may carry the timeouts
        text = url.literal.lower() if url is not None else ""
        missing = [(label, getattr(connection, kind)[0]) for kind, label in KINDS
                   if getattr(connection, kind)
                   and not any(is_set(call, n, text) for n in getattr(connection, kind))]
        if not missing:
            continue
        what = " or ".join(label for label, _ in missing)
        fix = " and ".join(f"{name}=..." for _, name in dict.fromkeys(missing))
        default = f" ({connection.defaults})" if connection.defaults else ""
        yield RULE.finding(call, f"{call.target}() has no {what}{default}, so a stalled server "
                                 f"hangs the invocation; pass {fix} to fail fast (about 1 s to "
                                 "connect, 0.5 s per command)")


EXAMPLES = (
    Example("python", "bad", "MySQL connection with a connect timeout but no read timeout", """
        import os

        import pymysql

        conn = pymysql.connect(host=os.environ["DB_HOST"], database="orders", connect_timeout=1)  # expect: LL502

        def lambda_handler(event, context):
            with conn.cursor() as cursor:
                cursor.execute("SELECT status FROM orders WHERE id = %s", (event["id"],))
                return cursor.fetchone()
        """),
    Example("python", "bad", "aliased redis import without timeouts", """
        import os

        import redis as r

        cache = r.Redis(host=os.environ["REDIS_HOST"], port=6379)  # expect: LL502

        def handler(event, context):
            return cache.get(event["key"])
        """),
    Example("python", "bad", "literal libpq DSN without connect_timeout, in a lazy getter", """
        import psycopg2

        _conn = None

        def connection():
            global _conn
            if _conn is None:
                _conn = psycopg2.connect("host=db.internal dbname=app user=app")  # expect: LL502
            return _conn

        def handler(event, context):
            with connection().cursor() as cursor:
                cursor.execute("SELECT 1")
        """),
    Example("python", "bad", "MongoDB URI with a connect timeout but no socket timeout", """
        from pymongo import MongoClient

        client = MongoClient("mongodb://db.internal:27017/?connectTimeoutMS=1000")  # expect: LL502
        orders = client.shop.orders

        def handler(event, context):
            return orders.find_one({"_id": event["id"]})
        """),
    Example("python", "bad", "Redis URL and memcached client from from-imports", """
        from pymemcache.client.base import Client
        from redis import from_url

        sessions = from_url("redis://cache.internal:6379/0?socket_connect_timeout=1")  # expect: LL502
        memo = Client(("memcached.internal", 11211))  # expect: LL502

        def handler(event, context):
            return sessions.get(event["sid"]) or memo.get(event["sid"])
        """),
    Example("python", "good", "both MySQL timeouts set", """
        import os

        import pymysql

        conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"],
                               database="orders", connect_timeout=1, read_timeout=2)

        def lambda_handler(event, context):
            with conn.cursor() as cursor:
                cursor.execute("SELECT status FROM orders WHERE id = %s", (event["id"],))
                return cursor.fetchone()
        """),
    Example("python", "good", "timeouts in literal connection strings", """
        import psycopg2
        from pymongo import MongoClient

        pg = psycopg2.connect("host=db.internal dbname=app user=app connect_timeout=2")
        mongo = MongoClient("mongodb://db.internal/?connectTimeoutMS=1000&socketTimeoutMS=2000")

        def handler(event, context):
            return mongo.shop.orders.find_one({"_id": event["id"]})
        """),
    Example("python", "good", "URL from the environment, **kwargs and a shared pool are unknown", """
        import os

        import pymysql
        import redis
        from settings import DB_OPTIONS, REDIS_POOL

        cache = redis.from_url(os.environ["REDIS_URL"])
        sessions = redis.Redis(connection_pool=REDIS_POOL)
        conn = pymysql.connect(**DB_OPTIONS)

        def handler(event, context):
            return cache.get(event["key"])
        """),
    Example("python", "good", "redis with both socket timeouts, built in an lru_cache factory", """
        from functools import lru_cache

        import redis

        @lru_cache(maxsize=None)
        def cache():
            return redis.Redis(host="cache.internal", socket_connect_timeout=1, socket_timeout=0.5)

        def handler(event, context):
            return cache().get(event["key"])
        """),
)
