"""CloudWatch ``PutMetricData`` is called synchronously on every invocation.

Why: ``put_metric_data`` is an HTTPS request to the CloudWatch API, and the handler waits for
its answer before it can return: every request pays one more AWS API round trip, plus a new
TLS handshake whenever the connection was not kept alive (keep-alive alone saved about 40 ms
per AWS API call in the source measurements). The request also ties the function's throughput
to the PutMetricData request quota, and a throttled or slow CloudWatch call delays or fails
the request it measures. The Embedded Metric Format (EMF) writes the same metrics as a
structured log line to stdout; CloudWatch Logs extracts them after the fact, so the handler
makes no API call at all.

Not reported: ``put_metric_data`` in code that does not run per request (module scope, a
script without a handler), and reading metrics (``get_metric_data``).

How to fix: record metrics with Powertools Metrics (``metrics.add_metric(...)`` under
``@metrics.log_metrics``) or ``aws_embedded_metrics`` (``@metric_scope``), which print EMF
log lines that CloudWatch turns into metrics asynchronously.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL401",
    name="blocking-metric-call",
    summary="CloudWatch PutMetricData called synchronously in per-invocation code",
    languages=("python",),
    fix="Replace the call with Embedded Metric Format logging (Powertools Metrics or "
        "aws_embedded_metrics); not applied automatically (a new dependency and a different API).",
    references=(
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format.html",
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Lambda.html",
        "https://docs.aws.amazon.com/powertools/python/latest/core/metrics/",
        "https://pypi.org/project/aws-embedded-metrics/",
    ),
)


def check(facts, options):
    api = facts.api
    for call in facts.per_request_calls():
        if call.method not in api.METRIC_METHODS or call.receiver is None:
            continue
        if api.SDK_CLIENTS.get(call.receiver.target) == "client":
            yield RULE.finding(call, f"{call.method}() is a synchronous CloudWatch API call on every "
                                     "invocation (an AWS round trip the request waits for, +~40 ms "
                                     "without keep-alive); log metrics in Embedded Metric Format "
                                     "(Powertools Metrics, aws_embedded_metrics) instead")


EXAMPLES = (
    Example("python", "bad", "module-level client called in the handler", """
        import time

        import boto3
        from botocore.config import Config

        cloudwatch = boto3.client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))

        def lambda_handler(event, context):
            started = time.monotonic()
            result = {"orders": len(event["Records"])}
            cloudwatch.put_metric_data(  # expect: LL401
                Namespace="Orders",
                MetricData=[{"MetricName": "Latency", "Value": time.monotonic() - started, "Unit": "Seconds"}],
            )
            return result
        """),
    Example("python", "bad", "lazy singleton getter and an aliased import", """
        import boto3 as aws
        from botocore.config import Config

        _cw = None

        def cw():
            global _cw
            if _cw is None:
                _cw = aws.client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))
            return _cw

        def handler(event, context):
            cw().put_metric_data(Namespace="Orders", MetricData=[{"MetricName": "Placed", "Value": 1}])  # expect: LL401
        """),
    Example("python", "bad", "session-made client used by a helper the handler calls", """
        import boto3
        from botocore.config import Config

        session = boto3.Session()
        metrics = session.client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))

        def count(name):
            metrics.put_metric_data(Namespace="Checkout", MetricData=[{"MetricName": name, "Value": 1}])  # expect: LL401

        def handler(event, context):
            count("Started")
            count("Finished")
        """),
    Example("python", "bad", "client built in a decorated handler (two findings)", """
        from aws_lambda_powertools import Logger
        from boto3 import client
        from botocore.config import Config

        logger = Logger()

        @logger.inject_lambda_context
        def process(evt, ctx):
            cw = client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))  # expect: LL102
            cw.put_metric_data(Namespace="Jobs", MetricData=[{"MetricName": "Done", "Value": 1}])  # expect: LL401
        """),
    Example("python", "good", "Powertools Metrics writes EMF log lines", """
        import boto3
        from aws_lambda_powertools import Metrics
        from aws_lambda_powertools.metrics import MetricUnit
        from botocore.config import Config

        metrics = Metrics(namespace="Orders", service="checkout")
        table = boto3.resource("dynamodb", config=Config(connect_timeout=1, read_timeout=2)).Table("orders")

        @metrics.log_metrics
        def lambda_handler(event, context):
            table.put_item(Item={"id": event["id"]})
            metrics.add_metric(name="OrderPlaced", unit=MetricUnit.Count, value=1)
        """),
    Example("python", "good", "aws_embedded_metrics metric_scope", """
        import boto3
        from aws_embedded_metrics import metric_scope
        from botocore.config import Config

        sqs = boto3.client("sqs", config=Config(connect_timeout=1, read_timeout=2))

        @metric_scope
        def handler(event, context, metrics):
            sqs.send_message(QueueUrl="q", MessageBody=event["body"])
            metrics.put_metric("Forwarded", 1, "Count")
        """),
    Example("python", "good", "a script without a handler publishes metrics once", """
        import boto3
        from botocore.config import Config

        cloudwatch = boto3.client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))

        def publish(value):
            cloudwatch.put_metric_data(Namespace="Deploys", MetricData=[{"MetricName": "Count", "Value": value}])

        if __name__ == "__main__":
            publish(1)
        """),
    Example("python", "good", "reading metrics is not publishing them", """
        from datetime import datetime, timedelta, timezone

        import boto3
        from botocore.config import Config

        cloudwatch = boto3.client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))

        def handler(event, context):
            now = datetime.now(timezone.utc)
            return cloudwatch.get_metric_statistics(
                Namespace="Orders", MetricName="Placed", StartTime=now - timedelta(hours=1),
                EndTime=now, Period=300, Statistics=["Sum"],
            )
        """),
)
