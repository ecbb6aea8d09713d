"""A shared connection or client is closed in per-invocation code.

Why: a connection created at module scope (or in a lazy getter, or on ``self`` of a handler
object) is meant to outlive the request. Closing it in the handler means the next request on
this execution environment either fails on a closed handle (``InterfaceError``, "Connection
closed") or, if the code reconnects, pays a new connection again: 50-100 ms per request, and
query time of 65-120 ms instead of 3-8 ms with reuse. Lambda freezes the environment between
requests and reclaims it when it shuts down; an open connection is not a leak to clean up.

Not reported: closing a connection or client that was itself created in this invocation
(LL101/LL103 already report creating it there, and closing it is then correct), closing a
cursor, a response or a pooled checkout (``conn.cursor().close()``, ``engine.connect()``),
and cleanup registered at module scope (``atexit``, a ``SIGTERM`` handler).

How to fix: remove the ``close()``/``quit()``/``disconnect()``/``dispose()`` from the request
path; to recover from a broken connection, ``ping(reconnect=True)`` or reset the lazy global
to ``None`` so the getter reconnects.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL104",
    name="connection-closed-in-handler",
    summary="Module-level (reused) connection or client closed in per-invocation code",
    languages=("python",),
    fix="Remove the close call from the request path; not applied automatically, because the code "
        "may rely on it to reset a broken connection (unsafe).",
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html",
    ),
)

def owns_a_connection(api, target):
    return target in api.CONNECTIONS or target in api.HTTP_CLIENTS or target in api.SDK_CLIENTS


def check(facts, options):
    api = facts.api
    for call in facts.per_request_calls():
        if call.method not in api.CLOSE_METHODS or call.receiver is None or not call.receiver_shared:
            continue  # not a close, or the object was made in this invocation
        made_by = call.receiver.target
        if owns_a_connection(api, made_by):
            noun = "connection" if made_by in api.CONNECTIONS else "client"
            yield RULE.finding(call, f"{call.method}() on the {made_by}() {noun} shared across "
                                     "invocations: the next request on this environment fails on a "
                                     "closed handle or reconnects (50-100 ms); keep it open and reuse it")


EXAMPLES = (
    Example("python", "bad", "module-level connection closed in finally", """
        import os

        import pymysql

        conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"],
                               database="orders", connect_timeout=1, read_timeout=2)

        def lambda_handler(event, context):
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT status FROM orders WHERE id = %s", (event["id"],))
                    return cur.fetchone()
            finally:
                conn.close()  # expect: LL104
        """),
    Example("python", "bad", "lazy singleton closed through its getter", """
        import os

        import redis

        _cache = None

        def cache():
            global _cache
            if _cache is None:
                _cache = redis.Redis(host=os.environ["REDIS_HOST"], socket_connect_timeout=1,
                                     socket_timeout=0.5)
            return _cache

        def handler(event, context):
            client = cache()
            value = client.get(event["key"])
            client.close()  # expect: LL104
            return value

        def shutdown(event, context):
            cache().close()  # expect: LL104
        """),
    Example("python", "bad", "handler object closes what its constructor opened", """
        import os

        import requests
        from sqlalchemy import create_engine

        class Handler:
            def __init__(self):
                self.engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
                self.http = requests.Session()

            def handle(self, event, context):
                try:
                    with self.engine.connect() as conn:
                        conn.exec_driver_sql("SELECT 1")
                    self.http.post("https://hooks.example.com/done", json=event, timeout=3)
                finally:
                    self.engine.dispose()  # expect: LL104
                    self.http.close()  # expect: LL104

        handler = Handler().handle
        """),
    Example("python", "bad", "boto3 client at module scope closed in a decorated handler", """
        import boto3 as aws
        from aws_lambda_powertools import Logger
        from botocore.config import Config

        logger = Logger()
        sqs = aws.client("sqs", config=Config(connect_timeout=1, read_timeout=2))

        @logger.inject_lambda_context
        def process(evt, ctx):
            sqs.send_message(QueueUrl="q", MessageBody=evt["body"])
            sqs.close()  # expect: LL104
        """),
    Example("python", "bad", "lru_cache factory's engine disposed in a handler method", """
        import os
        from functools import lru_cache

        from sqlalchemy import create_engine

        @lru_cache(maxsize=1)
        def engine():
            return create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)

        class Reports:
            def run(self, event, context):
                with engine().connect() as conn:
                    rows = conn.exec_driver_sql("SELECT count(*) FROM orders").all()
                engine().dispose()  # expect: LL104
                return rows

        handler = Reports().run
        """),
    Example("python", "bad", "opened per invocation: LL101 reports the connect, not the close", """
        import os

        import pymysql

        def open_db():
            return pymysql.connect(host=os.environ["DB_HOST"], connect_timeout=1, read_timeout=2)  # expect: LL101

        def handler(event, context):
            conn = open_db()
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT 1")
            finally:
                conn.close()
        """),
    Example("python", "good", "shared connection kept open, cursor closed", """
        import os

        import pymysql

        conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"],
                               database="orders", connect_timeout=1, read_timeout=2)

        def lambda_handler(event, context):
            conn.ping(reconnect=True)
            cur = conn.cursor()
            try:
                cur.execute("SELECT status FROM orders WHERE id = %s", (event["id"],))
                return cur.fetchone()
            finally:
                cur.close()
        """),
    Example("python", "good", "connection made per tenant from the event, closed after use", """
        import psycopg2

        def handler(event, context):
            conn = psycopg2.connect(event["tenant_dsn"], connect_timeout=1)
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT count(*) FROM invoices")
                    return cur.fetchone()
            finally:
                conn.close()
        """),
    Example("python", "good", "cleanup registered at module scope for shutdown", """
        import os
        import signal
        import sys

        import redis

        cache = redis.Redis(host=os.environ["REDIS_HOST"], socket_connect_timeout=1, socket_timeout=0.5)

        def on_sigterm(signum, frame):
            cache.close()
            sys.exit(0)

        signal.signal(signal.SIGTERM, on_sigterm)

        def handler(event, context):
            return cache.get(event["key"])
        """),
    Example("python", "good", "a pooled checkout is returned, the pool stays", """
        import os

        from psycopg_pool import ConnectionPool

        pool = ConnectionPool(os.environ["PG_DSN"], min_size=1, max_size=2, timeout=2)

        def handler(event, context):
            conn = pool.getconn()
            try:
                return conn.execute("SELECT now()").fetchone()
            finally:
                pool.putconn(conn)
        """),
)
