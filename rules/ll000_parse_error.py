"""The file has a syntax error, so lambdalint could not analyse it.

Why: rules need a complete syntax tree; on a partial one they would guess, so a file that does
not parse gets this one finding and nothing else. Whatever it contains goes unchecked: a
connection opened on every request there (50-100 ms each) would not be reported. Deployed as it
is, the module fails at import, so the function serves no request at all.

The finding points where Python's own parser stops and quotes its message (``expected ':'``,
``'(' was never closed``): tree-sitter finds that the file is broken, and CPython, asked only
then, says where and why. If CPython accepts the file, the grammar is behind the language and
nothing is reported. Python 2 statements that the grammar still accepts (``print "x"``,
``exec "code"``) are checked with CPython too.

Not reported: files that mention no library lambdalint models are not parsed at all (a cheap
text prefilter skips them), so they never get LL000 however broken they are. Templates that are
not Python yet (cookiecutter or Jinja placeholders in a ``.py`` file) do parse-fail: exclude
them in the configuration.

How to fix: fix the syntax error (``python -m py_compile file.py`` names it), resolve leftover
merge conflict markers, or exclude generated and template files.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL000",
    name="parse-error",
    summary="Syntax error: the file could not be analysed",
    languages=("python",),
    severity="error",
    references=(
        "https://docs.python.org/3/library/py_compile.html",
        "https://tree-sitter.github.io/tree-sitter/using-parsers/",
    ),
)

check = None  # the engine reports LL000 itself, before any rule runs


EXAMPLES = (
    Example("python", "bad", "Python 2 print statement (the grammar accepts it, Python 3 does not)", """
        import redis

        cache = redis.Redis(host="cache", socket_connect_timeout=1, socket_timeout=0.5)

        def handler(event, context):
            print "cache hit:", cache.get(event["key"])  # expect: LL000
        """),
    Example("python", "bad", "merge conflict markers left in the file", """
        import boto3

        <<<<<<< HEAD  # expect: LL000
        s3 = boto3.client("s3")
        =======
        s3 = boto3.client("s3", region_name="eu-west-1")
        >>>>>>> feature/eu

        def handler(event, context):
            return s3.list_buckets()
        """),
    Example("python", "bad", "unclosed call parenthesis", """
        import boto3
        from botocore.config import Config

        def handler(event, context):
            s3 = boto3.client("s3", config=Config(connect_timeout=1, read_timeout=2)  # expect: LL000
            return s3.list_buckets()
        """),
    Example("python", "bad", "unterminated string literal", """
        import boto3
        from botocore.config import Config

        TABLE = "orders  # expect: LL000
        ddb = boto3.resource("dynamodb", config=Config(connect_timeout=1, read_timeout=2))

        def handler(event, context):
            return ddb.Table(TABLE).get_item(Key={"id": event["id"]})
        """),
    Example("python", "bad", "a cookiecutter template that is not Python yet", """
        import boto3
        from botocore.config import Config

        def handler(event, context):
            {% if cookiecutter.tracing == "y" %}  # expect: LL000
            print("tracing on")
            {% endif %}
            return boto3.client("sts", config=Config(connect_timeout=1, read_timeout=2)).get_caller_identity()
        """),
    Example("python", "good", "Python 3.12 syntax parses", """
        import boto3
        from botocore.config import Config

        type Key = dict[str, str]

        table = boto3.resource("dynamodb", config=Config(connect_timeout=1, read_timeout=2)).Table("orders")

        def first[T](items: list[T]) -> T | None:
            return items[0] if items else None

        def handler(event, context):
            match event:
                case {"id": str(order_id)}:
                    key: Key = {"id": order_id}
                    return table.get_item(Key=key).get("Item")
                case {"ids": list(ids)}:
                    return f"first: {first(ids)} of {len(ids)} ({event["source"]})"
                case _:
                    return None
        """),
    Example("python", "good", "exception groups, walrus and async comprehensions parse", """
        import asyncio

        import aioboto3
        from aiobotocore.config import AioConfig

        session = aioboto3.Session()
        CONFIG = AioConfig(connect_timeout=1, read_timeout=2)

        async def sizes(keys):
            async with session.client("s3", config=CONFIG) as s3:
                return [(await s3.head_object(Bucket="b", Key=k))["ContentLength"] for k in keys]

        def summarize(values):
            if (total := sum(values)) > 0:
                return total
            return None

        async def main(keys):
            try:
                return summarize(await sizes(keys))
            except* ValueError as group:
                return len(group.exceptions)
        """),
    Example("python", "good", "a broken file that mentions no modeled library is not parsed", """
        def handler(event, context)
            return {"statusCode": 200}
        """),
)
