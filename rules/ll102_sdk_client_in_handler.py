"""An AWS SDK client, resource or session is created on every invocation.

Why: building a boto3 client loads the service model and creates a new connection pool;
the first request on it then pays a fresh TCP and TLS handshake. Connection reuse cut AWS
API call latency by about 40 ms on average in the source measurements, and the client
construction itself adds tens of ms of CPU at 128-512 MB. Created at module scope (init
code), the client is built once per execution environment and its warm connections serve
every later request.

Not reported: clients built behind a once-per-environment guard (``if client is None``,
``functools.lru_cache``), and clients whose arguments come from the request (per-tenant
credentials from ``sts.assume_role``, a region taken from the event): those are per request
on purpose, and a per-tenant cache (a dict keyed by tenant at module scope) is the remedy.
Thin wrappers that own no connection pool, such as ``resource.Table(...)``, are not clients.

How to fix: create the client at module scope (or in a cached factory) and use it from
the handler.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL102",
    name="sdk-client-in-handler",
    summary="AWS SDK client, resource or session created in per-invocation code",
    languages=("python",),
    fix="Move the constructor to module scope; not applied automatically, because moving it "
        "changes when it runs (unsafe).",
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
        "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/clients.html",
    ),
)

COSTS = {
    "client": "loads the service model and opens new connections (+TLS, ~40 ms) on every request",
    "resource": "loads the service model and opens new connections (+TLS, ~40 ms) on every request",
    "session": "re-reads credentials and config and discards warm connections on every request",
}


def check(facts, options):
    api = facts.api
    for call in facts.per_request_calls():
        kind = api.SDK_CLIENTS.get(call.target)
        if kind and not call.tainted:
            yield RULE.finding(call, f"{call.target}() is created on every invocation: it {COSTS[kind]}; "
                                     "create it once at module scope")


EXAMPLES = (
    Example("python", "bad", "client created in the handler", """
        import boto3
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=2)

        def lambda_handler(event, context):
            s3 = boto3.client("s3", config=CONFIG)  # expect: LL102
            return s3.get_object(Bucket="b", Key=event["key"])
        """),
    Example("python", "bad", "aliased import and a session-made client", """
        import boto3 as aws
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=2)

        def handler(event, context):
            session = aws.Session()  # expect: LL102
            table = session.resource("dynamodb", config=CONFIG).Table("orders")  # expect: LL102
            return table.get_item(Key={"id": event["id"]})
        """),
    Example("python", "bad", "from-import, in a helper the handler calls", """
        from boto3 import client
        from botocore.config import Config

        def queue():
            return client("sqs", config=Config(connect_timeout=1, read_timeout=2))  # expect: LL102

        def handler(event, context):
            queue().send_message(QueueUrl="q", MessageBody=event["body"])
        """),
    Example("python", "bad", "Powertools-decorated handler with any name", """
        import boto3
        from aws_lambda_powertools import Logger
        from botocore.config import Config

        logger = Logger()

        @logger.inject_lambda_context
        def process(evt, ctx):
            sns = boto3.client("sns", config=Config(connect_timeout=1, read_timeout=2))  # expect: LL102
            sns.publish(TopicArn="arn", Message="hi")
        """),
    Example("python", "bad", "handler named only in template.yaml", """
        import boto3
        from botocore.config import Config

        def main(payload, ctx):
            ddb = boto3.resource("dynamodb", config=Config(connect_timeout=1, read_timeout=2))  # expect: LL102
            return ddb.Table("t").get_item(Key={"id": "1"})
        """, path="src/orders.py", files=(("template.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: orders.main
              Runtime: python3.12
        """),)),
    Example("python", "good", "client at module level", """
        import boto3
        from botocore.config import Config

        s3 = boto3.client("s3", config=Config(connect_timeout=1, read_timeout=2))

        def lambda_handler(event, context):
            return s3.get_object(Bucket="b", Key=event["key"])
        """),
    Example("python", "good", "lazy singleton helper called from the handler", """
        import boto3
        from botocore.config import Config

        _sqs = None

        def get_sqs():
            global _sqs
            if _sqs is None:
                _sqs = boto3.client("sqs", config=Config(connect_timeout=1, read_timeout=2))
            return _sqs

        def handler(event, context):
            get_sqs().send_message(QueueUrl="q", MessageBody="x")
        """),
    Example("python", "good", "lru_cache factory", """
        from functools import lru_cache

        import boto3
        from botocore.config import Config

        @lru_cache(maxsize=None)
        def table(name):
            ddb = boto3.resource("dynamodb", config=Config(connect_timeout=1, read_timeout=2))
            return ddb.Table(name)

        def handler(event, context):
            return table("orders").get_item(Key={"id": event["id"]})
        """),
    Example("python", "good", "per-tenant credentials from STS are per request on purpose", """
        import boto3
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=2)
        sts = boto3.client("sts", config=CONFIG)

        def handler(event, context):
            creds = sts.assume_role(RoleArn=event["role"], RoleSessionName="t")["Credentials"]
            s3 = boto3.client(
                "s3",
                aws_access_key_id=creds["AccessKeyId"],
                aws_secret_access_key=creds["SecretAccessKey"],
                aws_session_token=creds["SessionToken"],
                config=CONFIG,
            )
            return s3.list_buckets()
        """),
)
