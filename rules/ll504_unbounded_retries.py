"""A retry policy never stops, or retries far beyond a fail-fast budget.

Why: a Lambda invocation is billed until it returns, and it holds one unit of concurrency the
whole time. A policy that retries forever (tenacity's ``@retry`` without ``stop=``, ``backoff``
without ``max_tries``/``max_time``, redis-py's ``Retry(backoff, -1)``) turns a dependency
outage into invocations that run until the function timeout (up to 900,000 ms), while the
event source retries them and stacks more on top. A large attempt count on a botocore client
without timeouts is the same in practice: every attempt may wait 60 s to connect and 60 s to
read, so ``retries={"max_attempts": 10}`` can hold one call for 22 minutes. The source's
fail-fast advice for a service that answers in under 10 ms: at most 2 attempts, about 1 s to
connect and 0.5 s per command.

botocore counts ``max_attempts`` as retries after the first attempt and ``total_max_attempts``
as all attempts (``total_max_attempts`` wins when both are given). A Config that sets a
connect or read timeout is left to LL501; this rule reports the retry count only on a Config
with neither. The threshold is the ``max-retries`` option (default 3).

Not reported: policies whose bounds come through ``**kwargs``, counts that are not literals,
and an explicit ``stop=stop_never`` (an intent, spelled out).

How to fix: give every policy a stop (``stop=stop_after_attempt(2)``, ``max_tries=2``,
``max_time=...`` below the function timeout), a small non-negative redis ``Retry`` count, and
a botocore Config both timeouts next to ``retries={"total_max_attempts": 2}``.
"""

from lambdalint.config import OptionSpec
from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL504",
    name="unbounded-retries",
    summary="Retry policy without a stop, or with many retries and no timeout",
    languages=("python",),
    fix="Bound the policy (stop=, max_tries=, a small retry count with timeouts); not applied "
        "automatically, because the right bound depends on the call (unsafe).",
    references=(
        "https://docs.aws.amazon.com/botocore/latest/reference/config.html",
        "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/retries.html",
        "https://tenacity.readthedocs.io/en/latest/",
        "https://github.com/litl/backoff#readme",
        "https://redis.readthedocs.io/en/stable/retry.html",
    ),
    options=(OptionSpec("max-retries", int, 3, "retry count above which LL504 reports a policy "
                                               "without timeouts", minimum=0),),
)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def botocore_retries(config, limit, api):
    """The effective attempt-count pair of a Config without timeouts, if it allows too many."""
    if config.spread or any(config.kwarg(n) is not None for n in api.SDK_TIMEOUTS):
        return None  # timeouts (or unknown options): LL501's concern, not this rule's
    retries = config.kwarg("retries")
    for key, first in sorted(api.RETRY_CONFIG_KEYS.items(), key=lambda kv: -kv[1]):
        pair = retries.entry(key) if retries is not None else None
        if pair is not None:
            return (pair, pair.literal - first) if is_int(pair.literal) and pair.literal - first > limit else None
    return None


def check(facts, options):
    api = facts.api
    limit = options["max-retries"]
    for call in facts.calls:
        if call.target in api.SDK_CONFIGS and (found := botocore_retries(call, limit, api)):
            pair, count = found
            yield RULE.finding(pair, f'"{pair.name}": {pair.literal} allows {count} retries on a Config '
                                     "without timeouts, and each attempt may wait 60 s to connect and "
                                     f"60 s to read; set connect_timeout/read_timeout and at most {limit} "
                                     "retries")
        elif call.target in api.REDIS_RETRY:
            count = call.option("retries", 1)
            if count is not None and is_int(count.literal) and count.literal < 0:
                yield RULE.finding(count, "a negative redis Retry count retries forever, holding the "
                                          "invocation until Lambda kills it; retry at most 1-2 times")
        elif (bound := api.RETRY_POLICIES.get(call.target)) and not call.spread:
            given = [a for i, n in enumerate(bound.options)
                     if (a := call.option(n, bound.position if i == 0 else None)) is not None]
            if not given:
                yield RULE.finding(call, f"{call.target}() without {' or '.join(bound.options)} retries "
                                         "forever, holding the invocation until Lambda kills it; add "
                                         f"{bound.options[0]}= (fail fast: at most 2 attempts)")
            elif all(a.literal is None for a in given):
                yield RULE.finding(given[0], f"{given[0].name}=None retries forever, holding the invocation "
                                             "until Lambda kills it; give it a bound (fail fast: at most "
                                             "2 attempts)")
    for function in facts.functions:
        for path, span in zip(function.decorators, function.decorator_spans, strict=True):
            if path in api.RETRY_POLICIES:  # a bare @retry: a call would end in "()"
                yield RULE.finding(span, f"bare @{path} retries forever, holding the invocation until "
                                         f"Lambda kills it; use @{path}({api.RETRY_POLICIES[path].options[0]}"
                                         "=...) (fail fast: at most 2 attempts)")


EXAMPLES = (
    Example("python", "bad", "bare tenacity @retry on a helper", """
        import requests
        from tenacity import retry

        session = requests.Session()

        @retry  # expect: LL504
        def fetch(order_id):
            return session.get(f"https://api.example.com/orders/{order_id}", timeout=(1, 3)).json()

        def lambda_handler(event, context):
            return fetch(event["id"])
        """),
    Example("python", "bad", "tenacity with a wait but no stop, and backoff without max_tries", """
        import backoff
        import requests
        import tenacity

        session = requests.Session()

        @tenacity.retry(wait=tenacity.wait_exponential(multiplier=0.1))  # expect: LL504
        def charge(payment):
            return session.post("https://pay.example.com/charges", json=payment, timeout=(1, 5))

        @backoff.on_exception(backoff.expo, requests.RequestException)  # expect: LL504
        def refund(payment):
            return session.post("https://pay.example.com/refunds", json=payment, timeout=(1, 5))

        def handler(event, context):
            return charge(event) if event["type"] == "charge" else refund(event)
        """),
    Example("python", "bad", "botocore Config with 10 retries and no timeouts", """
        import boto3
        from botocore.config import Config

        RETRIES = {"mode": "standard", "max_attempts": 10}  # expect: LL504
        ddb = boto3.client("dynamodb", config=Config(retries=RETRIES))  # expect: LL501

        def handler(event, context):
            return ddb.get_item(TableName="orders", Key={"id": {"S": event["id"]}})
        """),
    Example("python", "bad", "redis Retry that never gives up", """
        import redis
        from redis.backoff import ExponentialBackoff
        from redis.retry import Retry

        cache = redis.Redis(host="cache.internal", socket_connect_timeout=1, socket_timeout=0.5,
                            retry=Retry(ExponentialBackoff(), -1))  # expect: LL504

        def handler(event, context):
            return cache.get(event["key"])
        """),
    Example("python", "good", "every policy has a stop", """
        import backoff
        import requests
        from tenacity import retry, stop_after_attempt, wait_fixed

        session = requests.Session()

        @retry(stop=stop_after_attempt(2), wait=wait_fixed(0.1))
        def charge(payment):
            return session.post("https://pay.example.com/charges", json=payment, timeout=(1, 5))

        @backoff.on_exception(backoff.expo, requests.RequestException, max_tries=2)
        def refund(payment):
            return session.post("https://pay.example.com/refunds", json=payment, timeout=(1, 5))

        def handler(event, context):
            return charge(event) if event["type"] == "charge" else refund(event)
        """),
    Example("python", "good", "many retries, but each attempt times out fast", """
        import boto3
        from botocore.config import Config

        CONFIG = Config(connect_timeout=1, read_timeout=1, retries={"total_max_attempts": 6})
        ddb = boto3.client("dynamodb", config=CONFIG)

        def handler(event, context):
            return ddb.get_item(TableName="orders", Key={"id": {"S": event["id"]}})
        """),
    Example("python", "good", "bounded redis Retry, policy options from elsewhere", """
        import redis
        from redis.backoff import ExponentialBackoff
        from redis.retry import Retry
        from tenacity import Retrying
        from settings import RETRY_POLICY

        cache = redis.Redis(host="cache.internal", socket_connect_timeout=1, socket_timeout=0.5,
                            retry=Retry(ExponentialBackoff(), 2))

        def handler(event, context):
            for attempt in Retrying(**RETRY_POLICY):
                with attempt:
                    return cache.get(event["key"])
        """),
)
