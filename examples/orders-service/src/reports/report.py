"""Nightly report: counts yesterday's orders and publishes a metric."""

import boto3
import redis
from botocore.config import Config

cloudwatch = boto3.client("cloudwatch", config=Config(retries={"max_attempts": 10}))
cache = redis.Redis(host="cache.internal.example", port=6379)


def run(event, context):
    count = int(cache.get("orders:yesterday") or 0)
    cloudwatch.put_metric_data(
        Namespace="Orders",
        MetricData=[{"MetricName": "DailyOrders", "Value": count, "Unit": "Count"}],
    )
    cache.close()
    return {"orders": count}
