"""A database, cache, search or broker connection is opened on every invocation.

Why: opening a connection costs a TCP handshake, usually TLS, and the server's
authentication round trips: 50-100 ms per request in the source measurements. With the
connection reused across invocations, query time fell from 65-120 ms to 3-8 ms, and cache hits
took 0.35-0.71 ms instead of 15-20 ms. Connections opened per request also pile up on the
server (each concurrent environment holds its own) until it refuses new ones. Code at module
scope runs once per execution environment, so a connection made there serves every later
request.

Not reported: connections made behind a once-per-environment guard (``if conn is None``,
``functools.lru_cache``, a dict cache keyed by name), and connections whose arguments come from
the request (a tenant's database taken from the event): those are per request on purpose, and
a per-tenant cache (a dict keyed by tenant at module scope) is the remedy. Taking a connection
from a pool (``engine.connect()``, ``pool.connection()``) is not opening one, and neither is
a client over a pool made elsewhere (``redis.Redis(connection_pool=POOL)``).

Async clients (``redis.asyncio``, ``asyncpg``, ``aiomysql``, ``create_async_engine``...) are
bound to the event loop that created them, so ``asyncio.run`` per invocation cannot reuse
them: keep one loop for the environment and run each invocation with
``loop.run_until_complete``.

How to fix: create the connection at module scope (or in a lazy getter guarded by
``if conn is None``) and reuse it from the handler; check it with ``ping`` rather than
reopening it.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL101",
    name="connection-in-handler",
    summary="Database, cache, search or broker connection created in per-invocation code",
    languages=("python",),
    fix="Move the connection to module scope or a lazy getter; not applied automatically, because "
        "moving it changes when it runs (unsafe).",
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html",
        "https://redis.readthedocs.io/en/stable/connections.html",
        "https://docs.sqlalchemy.org/en/20/orm/extensions/asyncio.html",
    ),
)


def check(facts, options):
    api = facts.api
    for call in facts.per_request_calls():
        connection = api.CONNECTIONS.get(call.target)
        if connection is None or call.tainted:
            continue  # not a connection, or per-tenant on purpose
        if any(call.kwarg(k) is not None for k in connection.via):
            continue  # a thin client over a pool made elsewhere (a pool made here is reported itself)
        label = connection.label
        what = f"builds a new {label}" if " " in label else f"opens a new {label} connection"
        fix = ("create it once on one event loop kept at module scope (loop.run_until_complete, "
               "not asyncio.run)" if call.target in api.LOOP_BOUND else "create it once at module scope")
        yield RULE.finding(call, f"{call.target}() {what} on every invocation (50-100 ms per "
                                 f"request to connect); {fix} and reuse it")


EXAMPLES = (
    Example("python", "bad", "handler named only in template.yaml", """
        import os

        import psycopg2

        def process(payload, ctx):
            conn = psycopg2.connect(os.environ["DSN"])  # expect: LL101
            with conn, conn.cursor() as cursor:
                cursor.execute("UPDATE jobs SET done = true WHERE id = %s", (payload["id"],))
        """, path="functions/jobs/worker.py", files=(("template.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
            CodeUri: functions/
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: jobs.worker.process
        """),)),
    Example("python", "bad", "connection opened in the handler, closed by the with block", """
        import os

        import pymysql

        def lambda_handler(event, context):
            with pymysql.connect(host=os.environ["DB_HOST"], user="app",  # expect: LL101
                                 password=os.environ["DB_PASSWORD"], database="orders",
                                 connect_timeout=1, read_timeout=2) as conn:
                with conn.cursor() as cur:
                    cur.execute("SELECT status FROM orders WHERE id = %s", (event["id"],))
                    return cur.fetchone()
        """),
    Example("python", "bad", "Redis clients in a helper the handler calls", """
        import os

        import redis
        from redis import from_url

        def cache():
            return redis.Redis(host=os.environ["REDIS_HOST"], socket_connect_timeout=1,  # expect: LL101
                               socket_timeout=0.5)

        def sessions():
            return from_url(os.environ["SESSIONS_URL"])  # expect: LL101

        def handler(event, context):
            cache().incr("hits")
            return sessions().get(event["session"])
        """),
    Example("python", "bad", "aliased imports in a Powertools-decorated handler", """
        import os

        import psycopg2 as pg
        import pymongo
        import sqlalchemy as sa
        from aws_lambda_powertools import Logger

        logger = Logger()

        @logger.inject_lambda_context
        def process(evt, ctx):
            engine = sa.create_engine(os.environ["DATABASE_URL"])  # expect: LL101
            pg.connect(os.environ["PG_DSN"], connect_timeout=1).close()  # expect: LL101
            mongo = pymongo.MongoClient(os.environ["MONGO_URL"], connectTimeoutMS=1000,  # expect: LL101
                                        socketTimeoutMS=2000)
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return mongo.shop.orders.count_documents({})
        """),
    Example("python", "bad", "a Redis pool built per request under a thin client", """
        import os

        import redis

        def handler(event, context):
            pool = redis.ConnectionPool(host=os.environ["REDIS_HOST"], socket_connect_timeout=1,  # expect: LL101
                                        socket_timeout=0.5)
            return redis.Redis(connection_pool=pool).get(event["key"])
        """),
    Example("python", "bad", "handler class method and a cluster client", """
        import os

        from rediscluster import RedisCluster

        class Handler:
            def handle(self, event, context):
                nodes = RedisCluster(host=os.environ["REDIS_HOST"], port=6379,  # expect: LL101
                                     socket_connect_timeout=1, socket_timeout=0.5)
                return nodes.get(event["key"])

        handler = Handler().handle
        """),
    Example("python", "bad", "async clients built inside asyncio.run per invocation", """
        import asyncio
        import os

        import aiomysql
        import redis.asyncio as aioredis
        from pymongo import AsyncMongoClient
        from sqlalchemy.ext.asyncio import create_async_engine

        async def main(event):
            cache = aioredis.from_url(os.environ["REDIS_URL"])  # expect: LL101
            engine = create_async_engine(os.environ["DATABASE_URL"])  # expect: LL101
            mongo = AsyncMongoClient(os.environ["MONGO_URL"], connectTimeoutMS=1000,  # expect: LL101
                                     socketTimeoutMS=2000)
            conn = await aiomysql.connect(host=os.environ["DB_HOST"], connect_timeout=1)  # expect: LL101
            await cache.set("last", event["id"])
            await mongo.shop.events.insert_one({"id": event["id"]})
            conn.close()
            await engine.dispose()

        def handler(event, context):
            asyncio.run(main(event))
        """),
    Example("python", "good", "connection at module level, reused", """
        import os

        import pymysql

        conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"],
                               database="orders", connect_timeout=1, read_timeout=2)

        def lambda_handler(event, context):
            conn.ping(reconnect=True)
            with conn.cursor() as cur:
                cur.execute("SELECT status FROM orders WHERE id = %s", (event["id"],))
                return cur.fetchone()
        """),
    Example("python", "good", "lazy singleton helper and an lru_cache factory", """
        import os
        from functools import lru_cache

        import redis
        from sqlalchemy import create_engine

        _cache = None

        def cache():
            global _cache
            if _cache is None:
                _cache = redis.Redis(host=os.environ["REDIS_HOST"], socket_connect_timeout=1,
                                     socket_timeout=0.5)
            return _cache

        @lru_cache(maxsize=1)
        def engine():
            return create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)

        def handler(event, context):
            with engine().connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return cache().get(event["key"])
        """),
    Example("python", "good", "a thin client per request over a module-level pool", """
        import os

        import redis

        POOL = redis.BlockingConnectionPool(host=os.environ["REDIS_HOST"], max_connections=2,
                                            socket_connect_timeout=1, socket_timeout=0.5)

        def handler(event, context):
            return redis.Redis(connection_pool=POOL).get(event["key"])
        """),
    Example("python", "good", "per-tenant databases: cached by tenant, or chosen by the event", """
        import psycopg2

        _tenants = {}

        def tenant_db(dsn):
            if dsn not in _tenants:
                _tenants[dsn] = psycopg2.connect(dsn, connect_timeout=1)
            return _tenants[dsn]

        def handler(event, context):
            if event.get("audit_dsn"):
                with psycopg2.connect(event["audit_dsn"], connect_timeout=1) as audit:
                    audit.cursor().execute("INSERT INTO audit (id) VALUES (%s)", (event["id"],))
            with tenant_db(event["tenant_dsn"]).cursor() as cur:
                cur.execute("SELECT * FROM invoices WHERE id = %s", (event["id"],))
                return cur.fetchall()
        """),
    Example("python", "good", "async client created once on a loop kept for the environment", """
        import asyncio
        import os

        import redis.asyncio as aioredis

        loop = asyncio.new_event_loop()
        _redis = None

        async def client():
            global _redis
            if _redis is None:
                _redis = aioredis.Redis(host=os.environ["REDIS_HOST"], socket_connect_timeout=1,
                                        socket_timeout=0.5)
            return _redis

        async def main(event):
            r = await client()
            return await r.get(event["key"])

        def handler(event, context):
            return loop.run_until_complete(main(event))
        """),
)
