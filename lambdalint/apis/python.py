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
)

ALIASES = {
    "boto3.session.Session": "boto3.Session",
    "botocore.session.Session": "botocore.session.get_session",
    "aioboto3.session.Session": "aioboto3.Session",
    "aiobotocore.session.AioSession": "aiobotocore.session.get_session",
    "requests.session": "requests.Session",
    "requests.sessions.Session": "requests.Session",
    "requests.api": "requests",
    "redis.client.Redis": "redis.Redis",
    "redis.client.StrictRedis": "redis.StrictRedis",
    "redis.asyncio.client.Redis": "redis.asyncio.Redis",
    "pymysql.Connect": "pymysql.connect",
    "pymysql.Connection": "pymysql.connect",
    "pymysql.connections.Connection": "pymysql.connect",
    "MySQLdb.Connect": "MySQLdb.connect",
    "psycopg.Connection.connect": "psycopg.connect",
    "motor.motor_asyncio.AsyncIOMotorClient": "motor.AsyncIOMotorClient",
    "pymongo.mongo_client.MongoClient": "pymongo.MongoClient",
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
    when it is not a literal, the timeouts are unknown and nothing is reported."""

    label: str
    connect: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    url: tuple[str, int] | None = None


_REDIS = Connection("Redis", ("socket_connect_timeout",), ("socket_timeout",))
_MONGO = Connection("MongoDB", ("connectTimeoutMS", "serverSelectionTimeoutMS", "timeoutMS"),
                    ("socketTimeoutMS", "timeoutMS"), url=("host", 0))
_PSYCOPG = Connection("PostgreSQL", ("connect_timeout",), url=("dsn", 0))

CONNECTIONS = {
    "pymysql.connect": Connection("MySQL", ("connect_timeout",), ("read_timeout",)),
    "MySQLdb.connect": Connection("MySQL", ("connect_timeout",), ("read_timeout",)),
    "mysql.connector.connect": Connection("MySQL", ("connection_timeout", "connect_timeout")),
    "aiomysql.connect": Connection("MySQL", ("connect_timeout",)),
    "aiomysql.create_pool": Connection("MySQL", ("connect_timeout",)),
    "psycopg2.connect": _PSYCOPG,
    "psycopg.connect": Connection("PostgreSQL", ("connect_timeout",), url=("conninfo", 0)),
    "psycopg.AsyncConnection.connect": Connection("PostgreSQL", ("connect_timeout",), url=("conninfo", 0)),
    "psycopg_pool.ConnectionPool": Connection("PostgreSQL pool"),
    "psycopg2.pool.SimpleConnectionPool": Connection("PostgreSQL pool"),
    "psycopg2.pool.ThreadedConnectionPool": Connection("PostgreSQL pool"),
    "pg8000.connect": Connection("PostgreSQL", ("timeout",)),
    "pg8000.native.Connection": Connection("PostgreSQL", ("timeout",)),
    "asyncpg.connect": Connection("PostgreSQL", ("timeout",), ("command_timeout",), url=("dsn", 0)),
    "asyncpg.create_pool": Connection("PostgreSQL pool", ("timeout",), ("command_timeout",), url=("dsn", 0)),
    "sqlalchemy.create_engine": Connection("SQLAlchemy engine"),
    "redis.Redis": _REDIS,
    "redis.StrictRedis": _REDIS,
    "redis.asyncio.Redis": _REDIS,
    "redis.from_url": Connection("Redis", _REDIS.connect, _REDIS.read, url=("url", 0)),
    "redis.Redis.from_url": Connection("Redis", _REDIS.connect, _REDIS.read, url=("url", 0)),
    "redis.cluster.RedisCluster": _REDIS,
    "redis.RedisCluster": _REDIS,
    "rediscluster.RedisCluster": _REDIS,
    "pymongo.MongoClient": _MONGO,
    "motor.AsyncIOMotorClient": _MONGO,
    "elasticsearch.Elasticsearch": Connection("Elasticsearch"),
    "opensearchpy.OpenSearch": Connection("OpenSearch"),
    "pymemcache.client.base.Client": Connection("Memcached", ("connect_timeout",), ("timeout",)),
    "pymemcache.client.hash.HashClient": Connection("Memcached", ("connect_timeout",), ("timeout",)),
    "kafka.KafkaProducer": Connection("Kafka producer"),
    "kafka.KafkaConsumer": Connection("Kafka consumer"),
    "pika.BlockingConnection": Connection("RabbitMQ"),
}

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
)


@dataclass(frozen=True, slots=True)
class Timeout:
    """How an HTTP call or client takes its timeout. ``position`` is the positional index
    that may carry it (None: keyword only); ``required``: the library's default is to wait
    forever, so a missing timeout is a finding (otherwise only an explicit None is)."""

    keyword: str = "timeout"
    position: int | None = None
    required: bool = True


HTTP_TIMEOUTS = {
    **{f"requests.{v}": Timeout() for v in _VERBS},
    **{f"requests.Session().{v}": Timeout() for v in _VERBS},
    **{f"httpx.{v}": Timeout(required=False) for v in _VERBS},
    "httpx.Client": Timeout(required=False),
    "httpx.AsyncClient": Timeout(required=False),
    "urllib.request.urlopen": Timeout(position=2),
    "http.client.HTTPSConnection": Timeout(),
    "http.client.HTTPConnection": Timeout(position=2),
    "urllib3.PoolManager": Timeout(),
}

# Options that turn HTTP keep-alive off: target -> ((keyword, value that disables), ...).
KEEPALIVE_OFF = {
    "aiohttp.TCPConnector": (("force_close", True),),
    "httpx.Limits": (("max_keepalive_connections", 0), ("keepalive_expiry", 0)),
}
# Calls whose ``headers=`` may ask the server to close the connection.
HEADER_CALLS = frozenset(HTTP_CLIENTS) | UNPOOLED_CALLS | frozenset(f"requests.Session().{v}" for v in _VERBS)

# CloudWatch PutMetricData, called on a boto3 client.
METRIC_METHODS = frozenset({"put_metric_data"})

# Methods that close a connection, pool or client.
CLOSE_METHODS = frozenset({"close", "aclose", "quit", "disconnect", "dispose", "terminate"})

# Retry policies (LL504).
RETRY_CONFIG_KEYS = ("max_attempts", "total_max_attempts")   # botocore Config(retries={...})
UNBOUNDED_RETRY_DECORATORS = {
    # target -> options that bound it (any one suffices)
    "tenacity.retry": ("stop",),
    "tenacity.retry()": ("stop",),
    "tenacity.Retrying": ("stop",),
    "tenacity.AsyncRetrying": ("stop",),
    "backoff.on_exception": ("max_tries", "max_time"),
    "backoff.on_predicate": ("max_tries", "max_time"),
}
REDIS_RETRY = ("redis.retry.Retry", "redis.backoff.Retry", "redis.asyncio.retry.Retry")
