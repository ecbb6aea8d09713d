"""What lambdalint knows about Python libraries. Data only: the rules read these tables.

Targets are access paths as the facts layer resolves them: ``boto3.client`` is the function,
``boto3.Session().client`` the method of a session instance. ALIASES folds other spellings
of one API into the spelling the tables use.
"""

from __future__ import annotations

from dataclasses import dataclass

# Top-level modules whose mention makes a file worth parsing (the byte-level prefilter).
MODULES = (
    "boto3", "botocore", "aioboto3", "aiobotocore",
    "pymysql", "MySQLdb", "mysql.connector", "aiomysql", "psycopg2", "psycopg", "psycopg_pool",
    "pg8000", "asyncpg", "sqlalchemy", "redis", "rediscluster", "pymongo", "motor",
    "elasticsearch", "opensearchpy", "pymemcache", "kafka", "pika",
    "requests", "httpx", "urllib3", "aiohttp", "urllib", "http.client", "tenacity", "backoff",
    "socket",  # socket.setdefaulttimeout() gives urlopen and http.client a timeout (LL503)
)

ALIASES = {
    "botocore.vendored.requests": "requests",   # removed from botocore 1.13; old handlers still import it
    "boto3.session.Session": "boto3.Session",
    "botocore.session.Session": "botocore.session.get_session",
    "aioboto3.session.Session": "aioboto3.Session",
    "aiobotocore.session.AioSession": "aiobotocore.session.get_session",
    "requests.session": "requests.Session",
    "requests.sessions.Session": "requests.Session",
    "requests.api": "requests",
    "redis.client.Redis": "redis.Redis",
    "redis.client.StrictRedis": "redis.StrictRedis",
    "redis.connection.ConnectionPool": "redis.ConnectionPool",
    "redis.connection.BlockingConnectionPool": "redis.BlockingConnectionPool",
    "redis.asyncio.client.Redis": "redis.asyncio.Redis",
    "pymysql.Connect": "pymysql.connect",
    "pymysql.Connection": "pymysql.connect",
    "pymysql.connections.Connection": "pymysql.connect",
    "MySQLdb.Connect": "MySQLdb.connect",
    "psycopg.Connection.connect": "psycopg.connect",
    "motor.motor_asyncio.AsyncIOMotorClient": "motor.AsyncIOMotorClient",
    "pymongo.mongo_client.MongoClient": "pymongo.MongoClient",
    "pymongo.asynchronous.mongo_client.AsyncMongoClient": "pymongo.AsyncMongoClient",
    "pymongo.asynchronous.AsyncMongoClient": "pymongo.AsyncMongoClient",
    "pymemcache.Client": "pymemcache.client.base.Client",
    "pymemcache.client.Client": "pymemcache.client.base.Client",
    "urllib3.util.Retry": "urllib3.Retry",
    "urllib3.util.retry.Retry": "urllib3.Retry",
    "botocore.client.Config": "botocore.config.Config",
    "aiohttp.connector.TCPConnector": "aiohttp.TCPConnector",
}

# Decorators that memoise a function: its body runs once per argument tuple, not per request.
CACHE_DECORATORS = frozenset({
    "functools.cache", "functools.lru_cache", "functools.lru_cache()",
    "cachetools.cached()", "cachetools.func.lru_cache", "cachetools.func.lru_cache()",
})

# Powertools decorators that only ever wrap a handler (matched by their last name).
HANDLER_DECORATORS = frozenset({
    "inject_lambda_context", "capture_lambda_handler", "log_metrics",
    "event_source", "event_parser", "idempotent",
})

# Calls whose result is per-request credentials: a client built from them is per-tenant.
CREDENTIAL_METHODS = frozenset({
    "assume_role", "assume_role_with_web_identity", "assume_role_with_saml",
    "get_session_token", "get_federation_token",
})


@dataclass(frozen=True, slots=True)
class Connection:
    """A database, cache, search or broker client and how it takes its timeouts.

    ``connect``/``read`` list the option names that set a connect / command (socket, read)
    timeout (any one suffices; empty means the library has none to check). ``url`` is the
    (keyword, position) of a connection string that may carry those options itself:
    when it is not a literal, the timeouts are unknown and nothing is reported.
    ``defaults`` says what the library does when they are left out; ``via`` lists keywords
    that hand over a pool built elsewhere, which carries its own timeouts (unknown)."""

    label: str
    connect: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    url: tuple[str, int] | None = None
    defaults: str = ""
    via: tuple[str, ...] = ()


_REDIS = Connection("Redis", ("socket_connect_timeout",), ("socket_timeout",),
                    defaults="redis-py waits forever before 8.0 and 5 s since", via=("connection_pool",))
_REDIS_URL = Connection("Redis", _REDIS.connect, _REDIS.read, url=("url", 0), defaults=_REDIS.defaults)
_REDIS_POOL = Connection("Redis pool", _REDIS.connect, _REDIS.read, defaults=_REDIS.defaults)
_MONGO = Connection("MongoDB", ("connectTimeoutMS", "serverSelectionTimeoutMS", "timeoutMS"),
                    ("socketTimeoutMS", "timeoutMS"), url=("host", 0),
                    defaults="pymongo: 20 s to connect, 30 s to select a server, reads wait forever")
_PSYCOPG = Connection("PostgreSQL", ("connect_timeout",), url=("dsn", 0),
                      defaults="libpq waits forever unless PGCONNECT_TIMEOUT is set")
_MYSQLDB = Connection("MySQL", ("connect_timeout",), ("read_timeout",))

CONNECTIONS = {
    "pymysql.connect": Connection("MySQL", ("connect_timeout",), ("read_timeout",),
                                  defaults="pymysql: 10 s to connect, reads wait forever"),
    "MySQLdb.connect": _MYSQLDB,
    "mysql.connector.connect": Connection("MySQL", ("connection_timeout", "connect_timeout"), ("read_timeout",),
                                          defaults="mysql-connector: reads wait forever; read_timeout "
                                                   "exists since 9.2"),
    "aiomysql.connect": Connection("MySQL", ("connect_timeout",), defaults="aiomysql waits forever"),
    "aiomysql.create_pool": Connection("MySQL", ("connect_timeout",), defaults="aiomysql waits forever"),
    "psycopg2.connect": _PSYCOPG,
    "psycopg.connect": Connection("PostgreSQL", ("connect_timeout",), url=("conninfo", 0),
                                  defaults="psycopg 3: 130 s unless PGCONNECT_TIMEOUT is set"),
    "psycopg.AsyncConnection.connect": Connection("PostgreSQL", ("connect_timeout",), url=("conninfo", 0),
                                                  defaults="psycopg 3: 130 s unless PGCONNECT_TIMEOUT is set"),
    "psycopg_pool.ConnectionPool": Connection("PostgreSQL pool"),
    "psycopg2.pool.SimpleConnectionPool": Connection("PostgreSQL pool"),
    "psycopg2.pool.ThreadedConnectionPool": Connection("PostgreSQL pool"),
    "pg8000.connect": Connection("PostgreSQL", ("timeout",), ("timeout",), defaults="pg8000 waits forever"),
    "pg8000.native.Connection": Connection("PostgreSQL", ("timeout",), ("timeout",),
                                           defaults="pg8000 waits forever"),
    # asyncpg reads no timeout from its DSN, so an opaque DSN does not make them unknown.
    "asyncpg.connect": Connection("PostgreSQL", ("timeout",), ("command_timeout",),
                                  defaults="asyncpg: 60 s to connect, queries wait forever"),
    "asyncpg.create_pool": Connection("PostgreSQL pool", ("timeout",), ("command_timeout",),
                                      defaults="asyncpg: 60 s to connect, queries wait forever"),
    "sqlalchemy.create_engine": Connection("SQLAlchemy engine"),
    "redis.Redis": _REDIS,
    "redis.StrictRedis": _REDIS,
    "redis.asyncio.Redis": _REDIS,
    "redis.from_url": _REDIS_URL,
    "redis.Redis.from_url": _REDIS_URL,
    "redis.cluster.RedisCluster": _REDIS,
    "redis.RedisCluster": _REDIS,
    "rediscluster.RedisCluster": _REDIS,
    "pymongo.MongoClient": _MONGO,
    "motor.AsyncIOMotorClient": _MONGO,
    "elasticsearch.Elasticsearch": Connection("Elasticsearch"),
    "opensearchpy.OpenSearch": Connection("OpenSearch"),
    "pymemcache.client.base.Client": Connection("Memcached", ("connect_timeout",), ("timeout",),
                                                defaults="pymemcache waits forever"),
    "pymemcache.client.hash.HashClient": Connection("Memcached", ("connect_timeout",), ("timeout",),
                                                    defaults="pymemcache waits forever"),
    "kafka.KafkaProducer": Connection("Kafka producer"),
    "kafka.KafkaConsumer": Connection("Kafka consumer"),
    "pika.BlockingConnection": Connection("RabbitMQ"),
    "redis.asyncio.from_url": Connection("Redis", _REDIS.connect, _REDIS.read, url=("url", 0)),
    "redis.ConnectionPool": _REDIS_POOL,
    "redis.BlockingConnectionPool": _REDIS_POOL,
    "redis.ConnectionPool.from_url": Connection("Redis pool", _REDIS.connect, _REDIS.read, url=("url", 0)),
    "redis.asyncio.ConnectionPool": _REDIS_POOL,
    "redis.asyncio.BlockingConnectionPool": _REDIS_POOL,
    "redis.asyncio.RedisCluster": _REDIS,
    "redis.asyncio.cluster.RedisCluster": _REDIS,
    "sqlalchemy.ext.asyncio.create_async_engine": Connection("SQLAlchemy engine"),
    "psycopg_pool.AsyncConnectionPool": Connection("PostgreSQL pool"),
    "pymongo.AsyncMongoClient": _MONGO,
    "elasticsearch.AsyncElasticsearch": Connection("Elasticsearch"),
    "opensearchpy.AsyncOpenSearch": Connection("OpenSearch"),
}

# Clients tied to the asyncio event loop that created them: reusing one across invocations
# needs one loop kept for the environment (``loop.run_until_complete``, not ``asyncio.run``).
LOOP_BOUND = frozenset({
    "aiomysql.connect", "aiomysql.create_pool", "psycopg.AsyncConnection.connect",
    "psycopg_pool.AsyncConnectionPool", "asyncpg.connect", "asyncpg.create_pool",
    "sqlalchemy.ext.asyncio.create_async_engine", "redis.asyncio.Redis", "redis.asyncio.from_url",
    "redis.asyncio.RedisCluster", "redis.asyncio.cluster.RedisCluster", "redis.asyncio.ConnectionPool",
    "redis.asyncio.BlockingConnectionPool", "motor.AsyncIOMotorClient",
    "pymongo.AsyncMongoClient", "elasticsearch.AsyncElasticsearch", "opensearchpy.AsyncOpenSearch",
    "httpx.AsyncClient", "aiohttp.ClientSession",
})

# AWS SDK clients, resources and sessions -> what they are.
SDK_CLIENTS = {
    "boto3.client": "client",
    "boto3.resource": "resource",
    "boto3.Session": "session",
    "boto3.Session().client": "client",
    "boto3.Session().resource": "resource",
    "botocore.session.get_session": "session",
    "botocore.session.get_session().create_client": "client",
    "aioboto3.Session": "session",
    "aioboto3.Session().client": "client",
    "aioboto3.Session().resource": "resource",
    "aiobotocore.session.get_session": "session",
    "aiobotocore.session.get_session().create_client": "client",
}

# Where a client takes its botocore Config: (keyword, position).
SDK_CONFIG_ARG = ("config", 9)
SDK_CONFIGS = frozenset({"botocore.config.Config", "aiobotocore.config.AioConfig"})
SDK_TIMEOUTS = ("connect_timeout", "read_timeout")

# HTTP clients that own a connection pool.
HTTP_CLIENTS = {
    "requests.Session": "requests.Session",
    "httpx.Client": "httpx.Client",
    "httpx.AsyncClient": "httpx.AsyncClient",
    "urllib3.PoolManager": "urllib3.PoolManager",
    "urllib3.ProxyManager": "urllib3.ProxyManager",
    "aiohttp.ClientSession": "aiohttp.ClientSession",
}

_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")

# Module-level calls that open a fresh connection (TCP + TLS) every time.
UNPOOLED_CALLS = frozenset(
    {f"requests.{v}" for v in _VERBS}
    | {f"httpx.{v}" for v in _VERBS} | {"httpx.stream"}
    | {"urllib.request.urlopen", "http.client.HTTPSConnection", "http.client.HTTPConnection"}
    | {"aiohttp.request"}
)
# The pooled client to use instead, by the module of the unpooled call.
POOLED_ALTERNATIVE = {
    "requests": "requests.Session()",
    "httpx": "httpx.Client()",
    "urllib.request": "urllib3.PoolManager()",
    "http.client": "urllib3.PoolManager()",
    "aiohttp": "aiohttp.ClientSession()",
}


@dataclass(frozen=True, slots=True)
class Timeout:
    """How an HTTP call or client takes its timeout. ``position`` is the positional index
    that may carry it (None: keyword only); ``required``: the library's default is to wait
    forever, so a missing timeout is a finding (otherwise only an explicit None is);
    ``socket_default``: the default is ``socket.getdefaulttimeout()``, which a
    ``socket.setdefaulttimeout(...)`` call in the file sets."""

    keyword: str = "timeout"
    position: int | None = None
    required: bool = True
    socket_default: bool = False


HTTP_TIMEOUTS = {
    **{f"requests.{v}": Timeout() for v in _VERBS},
    **{f"requests.Session().{v}": Timeout() for v in _VERBS},
    **{f"httpx.{v}": Timeout(required=False) for v in _VERBS},          # httpx: 5 s by default
    **{f"httpx.Client().{v}": Timeout(required=False) for v in _VERBS},
    **{f"httpx.AsyncClient().{v}": Timeout(required=False) for v in _VERBS},
    "httpx.Client": Timeout(required=False),
    "httpx.AsyncClient": Timeout(required=False),
    "urllib.request.urlopen": Timeout(position=2, socket_default=True),
    "http.client.HTTPSConnection": Timeout(position=4, socket_default=True),   # 4 before Python 3.12
    "http.client.HTTPConnection": Timeout(position=2, socket_default=True),
    "urllib3.PoolManager": Timeout(),
    "urllib3.ProxyManager": Timeout(),
    "urllib3.request": Timeout(required=False),                         # urllib3 2.x: 3 s by default
}
# Keywords of an HTTP request that carry what it sends, not how the client behaves.
REQUEST_PAYLOAD = frozenset({"json", "data", "params", "fields", "body", "files", "content", "cookies"})
SOCKET_DEFAULT_TIMEOUT = frozenset({"socket.setdefaulttimeout"})
# Calls that replace a session's transport: an adapter subclass may add a default timeout.
CUSTOM_TRANSPORT = frozenset({"requests.Session().mount"})

# Options that turn HTTP keep-alive off: target -> ((keyword, value that disables), ...).
KEEPALIVE_OFF = {
    "aiohttp.TCPConnector": (("force_close", True),),
    "httpx.Limits": (("max_keepalive_connections", 0), ("keepalive_expiry", 0)),
}
# Calls that take request headers: target -> positional index of ``headers`` (None: keyword only).
HEADER_CALLS = {
    **{f"requests.{v}": None for v in _VERBS},
    **{f"requests.Session().{v}": None for v in _VERBS},
    "requests.Session().headers.update": 0,
    **{f"httpx.{v}": None for v in _VERBS},
    "httpx.stream": None,
    "httpx.Client": None,
    "httpx.AsyncClient": None,
    **{f"httpx.Client().{v}": None for v in _VERBS},
    **{f"httpx.AsyncClient().{v}": None for v in _VERBS},
    "urllib3.PoolManager": 1,
    "urllib3.ProxyManager": 2,
    "urllib3.PoolManager().request": 4,
    "urllib3.request": None,
    "urllib.request.Request": 2,
    "aiohttp.ClientSession": None,
}

# CloudWatch PutMetricData, called on a boto3 client.
METRIC_METHODS = frozenset({"put_metric_data"})

# Methods that close a connection, pool or client.
CLOSE_METHODS = frozenset({"close", "aclose", "quit", "disconnect", "dispose", "terminate"})

# Retry policies (LL504).
# botocore Config(retries={...}) keys -> attempts they count that are not retries (the first one).
RETRY_CONFIG_KEYS = {"max_attempts": 0, "total_max_attempts": 1}


@dataclass(frozen=True, slots=True)
class RetryBound:
    """What stops a retry policy: any one of ``options``, by keyword or (the first of them)
    at ``position``. Without one it retries forever."""

    options: tuple[str, ...]
    position: int | None = None


RETRY_POLICIES = {
    "tenacity.retry": RetryBound(("stop",), 1),          # retry(sleep, stop, ...); bare @retry too
    "tenacity.Retrying": RetryBound(("stop",), 1),
    "tenacity.AsyncRetrying": RetryBound(("stop",), 1),
    "backoff.on_exception": RetryBound(("max_tries", "max_time")),
    "backoff.on_predicate": RetryBound(("max_tries", "max_time")),
}
REDIS_RETRY = ("redis.retry.Retry", "redis.asyncio.retry.Retry")  # Retry(backoff, retries); < 0: forever
