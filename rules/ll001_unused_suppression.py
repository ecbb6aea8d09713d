"""A suppression comment names a lambdalint code that is not reported where it stands.

Why: a stale ``# noqa: LL101`` outlives the code it excused. When someone later opens a
connection on every request on that line (50-100 ms per request), the old comment hides
it. Suppressions should be exact, like ruff's RUF100 and ESLint's unused-disable report.

Off by default: select it with ``--report-unused-suppressions`` (or ``extend-select =
["LL001"]``). Only lambdalint codes of rules that ran are judged: other tools' codes
(``# noqa: E501``), bare ``# noqa`` and codes of rules that are not selected may serve
something else, so they are never reported.

How to fix: delete the code from the comment, or the comment if nothing is left.
"""

from lambdalint.rule import Example, Rule

RULE = Rule(
    code="LL001",
    name="unused-suppression",
    summary="Suppression comment that suppresses nothing",
    languages=("python",),
    fix="Delete the unused codes from the comment (safe, once the finding is gone for good).",
    references=(
        "https://docs.astral.sh/ruff/rules/unused-noqa/",
        "https://eslint.org/docs/latest/use/command-line-interface#--report-unused-disable-directives",
    ),
    default=False,
)

check = None  # it judges the other rules' findings: see check_findings


def check_findings(facts, findings, enabled):
    for suppression in facts.suppressions.items:
        if suppression.codes is None:
            continue  # a bare noqa may be meant for another tool
        unused = sorted(code for code in suppression.codes if code in enabled and code != RULE.code
                        and not any(f.code == code and suppression.covers(f.code, f.span.line) for f in findings))
        if unused:
            where = "in this file" if suppression.whole_file else "on this line"
            yield RULE.finding(suppression, f"unused suppression: {', '.join(unused)} is not reported {where}; "
                                            "remove it, or it will hide the next real finding here")


EXAMPLES = (
    Example("python", "bad", "the client moved to module scope, the noqa stayed", """
        import boto3
        from botocore.config import Config

        s3 = boto3.client("s3", config=Config(connect_timeout=1, read_timeout=2))  # noqa: LL102  # expect: LL001

        def handler(event, context):
            return s3.list_buckets()
        """),
    Example("python", "bad", "one code of two is stale", """
        import boto3

        def handler(event, context):
            s3 = boto3.client("s3")  # noqa: LL102, LL503, LL501  # expect: LL001
            return s3.list_buckets()
        """),
    Example("python", "bad", "a file-wide suppression of a rule the file never breaks", """
        # lambdalint: noqa: LL401  # expect: LL001
        import boto3
        from botocore.config import Config

        cloudwatch = boto3.client("cloudwatch", config=Config(connect_timeout=1, read_timeout=2))

        def handler(event, context):
            print('{"_aws": {}}')
        """),
    Example("python", "good", "the suppression is used", """
        import boto3

        def handler(event, context):
            s3 = boto3.client("s3")  # noqa: LL102, LL501
            return s3.list_buckets()
        """),
    Example("python", "good", "other tools' codes and bare noqa are not judged", """
        import boto3
        from botocore.config import Config

        s3 = boto3.client("s3", config=Config(connect_timeout=1, read_timeout=2))  # noqa: E501
        sqs = boto3.client("sqs", config=Config(connect_timeout=1, read_timeout=2))  # noqa

        def handler(event, context):
            return s3.list_buckets()
        """),
    Example("python", "good", "a file-wide suppression that is used", """
        # lambdalint: noqa: LL501
        import boto3

        s3 = boto3.client("s3")

        def handler(event, context):
            return s3.list_buckets()
        """),
)
