"""Per-invocation scope and name resolution, as the Python adapter implements them.

Each snippet marks the lines that must be reported with ``# expect: CODE`` (the examples'
convention) and holds at least one such line, so every test can fail both ways: a shape that
must stay quiet sits beside one that must be reported. Only the scope rules are compared
(LL1xx, LL203, LL401); how a client is built (timeouts, retries) is other tests' business.
"""

import pytest

from lambdalint.rule import Example

SCOPED = ("LL1", "LL203", "LL401")


def marked(source: str) -> set[tuple[int, str]]:
    return Example("python", "bad", "scope", source).expected


def scoped(lint, files: dict[str, str], path: str = "app.py") -> set[tuple[int, str]]:
    return {(line, code) for p, line, code in lint(files) if p == path and code.startswith(SCOPED)}


def check(lint, source: str, path: str = "app.py", **others: str) -> None:
    expected = marked(source)
    assert expected, "a scope test must mark at least one line it expects"
    assert scoped(lint, {path: source, **others}, path) == expected


# ---- finding handlers -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["lambda_handler", "handler"])
def test_conventional_handler_names(lint, name):
    check(lint, f"""
        import pymysql

        def {name}(payload, ctx):
            return pymysql.connect(host="db")  # expect: LL101

        def other(payload, ctx):
            return pymysql.connect(host="db")
        """)


def test_event_context_parameters_make_any_module_function_a_handler(lint):
    check(lint, """
        import pymysql

        def on_order(event, context):
            return pymysql.connect(host="db")  # expect: LL101

        def on_refund(evt, ctx):
            return pymysql.connect(host="db")

        def migrate(event):
            return pymysql.connect(host="db")
        """)


@pytest.mark.parametrize("decorator", [
    "@logger.inject_lambda_context",
    "@logger.inject_lambda_context(log_event=True)",
    "@tracer.capture_lambda_handler",
    "@metrics.log_metrics(capture_cold_start_metric=True)",
    "@event_source(data_class=SQSEvent)",
    "@idempotent(persistence_store=store)",
])
def test_powertools_decorators_make_a_handler(lint, decorator):
    check(lint, f"""
        import redis
        from aws_lambda_powertools import Logger, Metrics, Tracer
        from aws_lambda_powertools.utilities.data_classes import SQSEvent, event_source
        from aws_lambda_powertools.utilities.idempotency import idempotent

        logger, tracer, metrics = Logger(), Tracer(), Metrics()

        {decorator}
        def process(record, ctx):
            return redis.Redis(host="cache")  # expect: LL101

        def unrelated(record, ctx):
            return redis.Redis(host="cache")
        """)


def test_lambda_context_annotation_makes_a_handler(lint):
    check(lint, """
        import redis
        from aws_lambda_powertools.utilities.typing import LambdaContext

        def main(payload: dict, ctx: LambdaContext) -> dict:
            return redis.Redis(host="cache").get(payload["key"])  # expect: LL101

        def helper(payload: dict, ctx: dict) -> dict:
            return redis.Redis(host="cache").get(payload["key"])
        """)


def test_handler_named_by_a_sam_template(lint):
    template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: jobs.run
              Runtime: python3.12
        """
    source = """
        import pymysql

        def run(payload, ctx):
            return pymysql.connect(host="db")  # expect: LL101

        def other(payload, ctx):
            return pymysql.connect(host="db")
        """
    check(lint, source, path="src/jobs.py", **{"template.yaml": template})


def test_handler_named_by_configuration(lint):
    config = """
        [tool.lambdalint]
        handlers = ["src/jobs.py:run"]
        """
    source = """
        import pymysql

        def run(payload, ctx):
            return pymysql.connect(host="db")  # expect: LL101

        def other(payload, ctx):
            return pymysql.connect(host="db")
        """
    check(lint, source, path="src/jobs.py", **{"pyproject.toml": config})


def test_bound_method_assigned_to_the_handler_name(lint):
    check(lint, """
        import pymysql

        class Handler:
            def __init__(self):
                self.db = pymysql.connect(host="db")

            def handle(self, event, context):
                self.audit(event)
                return pymysql.connect(host="db")  # expect: LL101

            def audit(self, event):
                return pymysql.connect(host="audit")  # expect: LL101

            def unused(self):
                return pymysql.connect(host="other")

        handler = Handler().handle
        """)


def test_mangum_wrapped_fastapi_routes_are_per_invocation(lint):
    check(lint, """
        import redis
        from fastapi import FastAPI
        from mangum import Mangum

        app = FastAPI()
        admin = FastAPI()

        @app.get("/items/{item_id}")
        def read_item(item_id: str):
            return redis.Redis(host="cache").get(item_id)  # expect: LL101

        @admin.get("/stats")
        def stats():
            return redis.Redis(host="cache").info()

        handler = Mangum(app)
        """)


def test_powertools_resolver_routes_dispatched_by_the_handler(lint):
    check(lint, """
        import pymysql
        from aws_lambda_powertools.event_handler import APIGatewayRestResolver

        app = APIGatewayRestResolver()
        unused = APIGatewayRestResolver()

        @app.get("/orders/<order_id>")
        def get_order(order_id):
            return pymysql.connect(host="db")  # expect: LL101

        @unused.get("/other")
        def other():
            return pymysql.connect(host="db")

        def lambda_handler(event, context):
            return app.resolve(event, context)
        """)


# ---- what per-invocation code reaches ---------------------------------------------------


def test_functions_defined_inside_a_handler_are_per_invocation(lint):
    check(lint, """
        import redis

        def handler(event, context):
            def connect():
                return redis.Redis(host="cache")  # expect: LL101

            on_demand = lambda: redis.Redis(host="cache")  # expect: LL101
            return connect(), on_demand

        def outside():
            def connect():
                return redis.Redis(host="cache")
            return connect
        """)


def test_transitive_calls_in_the_same_file(lint):
    check(lint, """
        import boto3

        def bucket():
            return boto3.resource("s3").Bucket("b")  # expect: LL102

        def load(key):
            return bucket().Object(key).get()

        def never_called():
            return boto3.client("sqs")

        def handler(event, context):
            return load(event["key"])
        """)


def test_recursion_terminates_and_is_still_reported(lint):
    check(lint, """
        import boto3

        def walk(prefix, depth):
            s3 = boto3.client("s3")  # expect: LL102
            return [] if depth > 3 else walk(prefix, depth + 1)

        def handler(event, context):
            return walk("", 0)
        """)


# ---- once-per-environment guards --------------------------------------------------------


def test_is_none_guard_on_a_global(lint):
    check(lint, """
        import pymysql

        _conn = None

        def conn():
            global _conn
            if _conn is None:
                _conn = pymysql.connect(host="db")
            return _conn

        def handler(event, context):
            local = None
            if local is None:
                local = pymysql.connect(host="db")  # expect: LL101
            return conn(), local
        """)


def test_not_guard_on_a_global(lint):
    check(lint, """
        import redis

        client = None

        def handler(event, context):
            global client
            if not client:
                client = redis.Redis(host="cache")
            fresh = redis.Redis(host="cache")  # expect: LL101
            return client.get(event["key"]), fresh
        """)


def test_or_assignment_guard(lint):
    check(lint, """
        import requests

        session = None

        def handler(event, context):
            global session
            session = session or requests.Session()
            other = None or requests.Session()  # expect: LL103
            return session, other
        """)


def test_early_return_guard(lint):
    check(lint, """
        import pymysql

        _conn = None

        def connection():
            global _conn
            if _conn:
                return _conn
            _conn = pymysql.connect(host="db")
            return _conn

        def uncached():
            return pymysql.connect(host="db")  # expect: LL101

        def handler(event, context):
            return connection(), uncached()
        """)


def test_dict_cache_guard(lint):
    check(lint, """
        import boto3

        _clients = {}

        def client(service):
            if service not in _clients:
                _clients[service] = boto3.client(service)
            return _clients[service]

        def handler(event, context):
            scratch = {}
            if "s3" not in scratch:
                scratch["s3"] = boto3.client("s3")  # expect: LL102
            return client("sqs"), scratch
        """)


def test_instance_attribute_guard(lint):
    check(lint, """
        import redis

        class Cache:
            def get(self):
                if self._client is None:
                    self._client = redis.Redis(host="cache")
                return self._client

        cache = Cache()

        def handler(event, context):
            redis.Redis(host="cache").ping()  # expect: LL101
            return cache.get()
        """)


@pytest.mark.parametrize("decorator", [
    "@functools.cache",
    "@functools.lru_cache",
    "@functools.lru_cache(maxsize=None)",
    "@lru_cache(maxsize=1)",
])
def test_memoised_factories_run_once(lint, decorator):
    check(lint, f"""
        import functools
        from functools import lru_cache

        import boto3

        {decorator}
        def table(name):
            return boto3.resource("dynamodb").Table(name)

        def uncached(name):
            return boto3.resource("dynamodb").Table(name)  # expect: LL102

        def handler(event, context):
            return table("orders"), uncached("orders")
        """)


def test_memoised_factory_does_not_make_its_callees_per_invocation(lint):
    check(lint, """
        from functools import cache

        import boto3

        def build():
            return boto3.client("sqs")

        @cache
        def queue():
            return build()

        def handler(event, context):
            boto3.client("sns")  # expect: LL102
            return queue()
        """)


# ---- resolution ---------------------------------------------------------------------------


def test_import_aliases_and_from_imports(lint):
    check(lint, """
        import boto3 as b
        import pymysql as db
        from boto3 import client as c
        from redis import Redis as R

        def handler(event, context):
            b.client("s3")  # expect: LL102
            c("sqs")  # expect: LL102
            db.connect(host="db")  # expect: LL101
            R(host="cache")  # expect: LL101
        """)


def test_dotted_module_aliases(lint):
    check(lint, """
        import redis.asyncio as aioredis
        import urllib.request
        from sqlalchemy.ext import asyncio as sa_async

        async def main(event):
            aioredis.Redis(host="cache")  # expect: LL101
            sa_async.create_async_engine("postgresql+asyncpg://db/app")  # expect: LL101
            return urllib.request.urlopen("https://example.com", timeout=2)  # expect: LL203

        def handler(event, context):
            import asyncio

            return asyncio.run(main(event))
        """)


def test_session_made_clients(lint):
    check(lint, """
        import boto3

        shared = boto3.session.Session()

        def handler(event, context):
            session = boto3.Session()  # expect: LL102
            s3 = session.client("s3")  # expect: LL102
            table = shared.resource("dynamodb").Table("t")  # expect: LL102
            return s3, table
        """)


def test_parameters_and_locals_shadow_modules(lint):
    check(lint, """
        import boto3
        import pymysql

        def with_module(boto3):
            return boto3.client("s3")

        def with_local(event):
            pymysql = event["driver"]
            return pymysql.connect(host="db")

        def handler(event, context):
            with_module(object())
            with_local(event)
            return boto3.client("s3")  # expect: LL102
        """)


def test_unresolvable_callees_are_never_reported(lint):
    check(lint, """
        import boto3
        from .factories import make_client

        def handler(event, context, factory=None):
            make_client("s3")
            getattr(boto3, "client")("s3")
            return boto3.client("s3")  # expect: LL102
        """)


def test_per_tenant_arguments_from_the_event(lint):
    check(lint, """
        import boto3
        import pymysql

        sts = boto3.client("sts")

        def connect(host):
            return pymysql.connect(host=host)

        def handler(event, context):
            creds = sts.assume_role(RoleArn=event["role"], RoleSessionName="t")["Credentials"]
            boto3.client("s3", aws_session_token=creds["SessionToken"])
            connect(event["tenant_host"])
            return pymysql.connect(host="shared-db")  # expect: LL101
        """)


# ---- suppressions -------------------------------------------------------------------------


def test_line_suppressions(lint):
    check(lint, """
        import pymysql

        def handler(event, context):
            a = pymysql.connect(host="a")  # noqa: LL101
            b = pymysql.connect(host="b")  # noqa
            c = pymysql.connect(host="c")  # noqa: E501, LL101
            d = pymysql.connect(host="d")  # noqa:LL101,LL102
            e = pymysql.connect(host="e")  # noqa: LL102  # expect: LL101
            return a, b, c, d, e
        """)


def test_multi_line_call_is_suppressed_by_its_first_line(lint):
    check(lint, """
        import pymysql

        def handler(event, context):
            first = pymysql.connect(  # noqa: LL101
                host="a",
                user="app",
            )
            last = pymysql.connect(  # expect: LL101
                host="b",
                user="app",
            )  # noqa: LL101
            return first, last
        """)


def test_file_level_suppression_of_every_code(lint):
    source = """
        # lambdalint: noqa
        import pymysql

        def handler(event, context):
            return pymysql.connect(host="db")
        """
    assert scoped(lint, {"app.py": source}) == set()
    # the same comment after code is not file-level: the finding comes back
    check(lint, source.replace("# lambdalint: noqa", "x = 1  # lambdalint: noqa").replace(
        'host="db")', 'host="db")  # expect: LL101'))


def test_file_level_suppression_of_one_code(lint):
    check(lint, """
        import boto3
        import pymysql

        # lambdalint: noqa: LL101

        def handler(event, context):
            boto3.client("s3")  # expect: LL102
            return pymysql.connect(host="db")
        """)


# ---- files without a handler --------------------------------------------------------------


def test_file_without_a_handler_gets_no_scope_findings(lint):
    library = """
        import boto3
        import pymysql
        import requests

        def connect():
            return pymysql.connect(host="db")

        def fetch():
            return requests.get("https://example.com", timeout=2)

        def client():
            return boto3.client("s3")
        """
    as_handler = library + """
        def handler(event, context):
            return connect(), fetch(), client()
        """
    assert scoped(lint, {"lib.py": library}, "lib.py") == set()
    assert {code for _, code in scoped(lint, {"app.py": as_handler})} == {"LL101", "LL102", "LL203"}


def test_callable_instance_assigned_to_the_handler_name(lint):
    check(lint, """
        import boto3

        class Handler:
            def __init__(self):
                self.s3 = boto3.client("s3")

            def __call__(self, event, context):
                return boto3.client("sqs")  # expect: LL102

        handler = Handler()
        """)


def test_function_passed_to_an_executor_runs_per_invocation(lint):
    check(lint, """
        from concurrent.futures import ThreadPoolExecutor

        import boto3

        def publish(record):
            return boto3.client("sns")  # expect: LL102

        def unused(record):
            return boto3.client("sns")

        def handler(event, context):
            with ThreadPoolExecutor() as pool:
                return list(pool.map(publish, event["Records"]))
        """)


def test_code_after_an_early_return_on_a_module_cache_runs_once(lint):
    check(lint, """
        import boto3

        _SECRETS = {}

        def secret(name):
            if name in _SECRETS:
                return _SECRETS[name]
            client = boto3.client("secretsmanager")
            _SECRETS[name] = client.get_secret_value(SecretId=name)["SecretString"]
            return _SECRETS[name]

        def uncached(name):
            if not name:
                return None
            return boto3.client("ssm").get_parameter(Name=name)  # expect: LL102

        def handler(event, context):
            return secret("db"), uncached("flag")
        """)


def test_request_data_kept_on_an_instance_stays_per_request(lint):
    check(lint, """
        import boto3

        class Sender:
            def __init__(self, event):
                self.creds = event.get("s3")

            def fail(self):
                return Uploader(self.creds).client

        class Uploader:
            def __init__(self, creds):
                self.client = boto3.client("s3", aws_access_key_id=creds["key"])

        def handler(event, context):
            Sender(event).fail()
            return boto3.client("sqs")  # expect: LL102
        """)
