"""An AWS SDK client or resource is built without connect and read timeouts.

Why: botocore waits 60 s to connect and 60 s for each read by default, and retries a failed
call (4 retries in the legacy mode boto3 starts in). A Lambda function that reaches a stalled
endpoint therefore hangs for minutes, or until its own timeout kills it, instead of failing
fast and letting the caller retry: 60,000 ms where 1,000 ms would have told it the same thing.
A connect timeout of about 1 s and a read timeout sized to the call fail fast.

botocore reads neither timeout from an environment variable or ``~/.aws/config``: the only
outside lever is ``defaults_mode`` (``AWS_DEFAULTS_MODE`` or ``defaults_mode`` in the shared
config file), whose ``in-region`` and ``standard`` modes lower the connect timeout to 1.1 s and
3.1 s; the read timeout stays at 60 s. So a client without ``config=`` is reported even then.

Not reported: a ``config=`` that cannot be seen (imported from another module, built by a
function, ``Config(...).merge(...)``, or hidden in ``**kwargs``), which is unknown rather than
missing; and thin wrappers that own no connection, such as ``resource.Table(...)``.

How to fix: pass ``config=Config(connect_timeout=1, read_timeout=<a few seconds>)`` (with
``retries={"total_max_attempts": 2}`` for a latency-critical call), built once at module scope
and shared by every client.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL501",
    name="sdk-client-without-timeout",
    summary="AWS SDK client or resource built without connect/read timeouts",
    languages=("python",),
    fix="Pass config=Config(connect_timeout=1, read_timeout=...); not applied automatically, "
        "because the right read timeout depends on the call (unsafe).",
    references=(
        "https://docs.aws.amazon.com/botocore/latest/reference/config.html",
        "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/configuration.html",
        "https://github.com/boto/botocore/blob/develop/botocore/data/sdk-default-configuration.json",
    ),
)

def missing_timeouts(call, api):
    """The timeout options the client lacks, or None when its config cannot be seen."""
    config = call.option(*api.SDK_CONFIG_ARG)
    if config is None:
        return None if call.spread else api.SDK_TIMEOUTS  # **kwargs may carry a config
    if config.literal is None:
        return api.SDK_TIMEOUTS
    built = config.call
    if built is None or built.target not in api.SDK_CONFIGS or built.spread or built.positional(0):
        return None  # built elsewhere, merged, or positional: unknown, not missing
    return tuple(n for n in api.SDK_TIMEOUTS if (a := built.kwarg(n)) is None or a.literal is None)


def check(facts, options):
    api = facts.api
    for call in facts.calls:
        if api.SDK_CLIENTS.get(call.target) not in ("client", "resource"):
            continue
        missing = missing_timeouts(call, api)
        if not missing:
            continue
        if missing == api.SDK_TIMEOUTS:
            message = (f"{call.target}() has no connect/read timeout (botocore waits 60 s for each, "
                       "then retries); pass config=Config(connect_timeout=1, read_timeout=...) to fail fast")
        else:
            message = (f"{call.target}() gets a Config without {missing[0]} (botocore waits 60 s, "
                       f"then retries); add {missing[0]}=... to fail fast")
        yield RULE.finding(call, message)


EXAMPLES = (
    Example("python", "bad", "client at module scope without a config", """
        import boto3

        s3 = boto3.client("s3")  # expect: LL501

        def lambda_handler(event, context):
            return s3.get_object(Bucket="b", Key=event["key"])
        """),
    Example("python", "bad", "aliased import, shared Config without a read timeout", """
        import boto3 as aws
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, retries={"mode": "standard"})
        dynamodb = aws.resource("dynamodb", config=CONFIG)  # expect: LL501
        table = dynamodb.Table("orders")

        def handler(event, context):
            return table.get_item(Key={"id": event["id"]})
        """),
    Example("python", "bad", "session-made client, Config without a connect timeout", """
        import boto3
        from botocore.client import Config

        session = boto3.Session()
        sqs = session.client("sqs", config=Config(read_timeout=2))  # expect: LL501

        def handler(event, context):
            sqs.send_message(QueueUrl="q", MessageBody=event["body"])
        """),
    Example("python", "bad", "lazy singleton: built once, still without timeouts", """
        import boto3

        _sns = None

        def sns():
            global _sns
            if _sns is None:
                _sns = boto3.client("sns")  # expect: LL501
            return _sns

        def handler(event, context):
            sns().publish(TopicArn="arn", Message="done")
        """),
    Example("python", "bad", "botocore session, explicit config=None", """
        from botocore.session import get_session

        kms = get_session().create_client("kms", config=None)  # expect: LL501

        def handler(event, context):
            return kms.decrypt(CiphertextBlob=event["blob"])["Plaintext"]
        """),
    Example("python", "good", "module-level client with connect and read timeouts", """
        import boto3
        from botocore.config import Config

        s3 = boto3.client("s3", config=Config(connect_timeout=1, read_timeout=3))

        def lambda_handler(event, context):
            return s3.get_object(Bucket="b", Key=event["key"])
        """),
    Example("python", "good", "lru_cache factory and a Table wrapper", """
        from functools import lru_cache

        import boto3
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=2, retries={"total_max_attempts": 2})

        @lru_cache(maxsize=None)
        def table(name):
            return boto3.resource("dynamodb", config=CONFIG).Table(name)

        def handler(event, context):
            return table("orders").get_item(Key={"id": event["id"]})
        """),
    Example("python", "good", "config imported from another module is unknown, not missing", """
        import boto3
        from shared.aws import BOTO_CONFIG

        events = boto3.client("events", config=BOTO_CONFIG)

        def handler(event, context):
            events.put_events(Entries=[{"Source": "app", "DetailType": "x", "Detail": "{}"}])
        """),
    Example("python", "good", "config built by a function or merged is unknown", """
        import boto3
        from botocore.config import Config

        def make_config():
            return Config(connect_timeout=1, read_timeout=2)

        BASE = Config(connect_timeout=1)
        s3 = boto3.client("s3", config=make_config())
        ssm = boto3.client("ssm", config=BASE.merge(Config(read_timeout=2)))

        def handler(event, context):
            return ssm.get_parameter(Name="p")["Parameter"]["Value"]
        """),
)
