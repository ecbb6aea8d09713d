import json
from pathlib import Path

import pytest

from lambdalint.descriptors import handlers_from_descriptors
from lambdalint.discovery import discover
from lambdalint.model import HandlerRef


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    # Origins and warnings name descriptors relative to the cwd.
    monkeypatch.chdir(tmp_path)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def refs_of(*paths: Path) -> list[tuple[str, str, str]]:
    refs, warnings = handlers_from_descriptors(paths)
    assert warnings == ()
    cwd = Path.cwd().resolve()
    return [(ref.module.relative_to(cwd).as_posix(), ref.function, ref.origin) for ref in refs]


SAM = """\
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    CodeUri: ./src
    Handler: app.lambda_handler
    Runtime: python3.12
    Environment:
      Variables:
        TABLE: !Ref Table
Resources:
  Table:
    Type: AWS::DynamoDB::Table
  Default:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt Role.Arn
  Dotted:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: functions/
      Handler: src.handlers.orders.main
      Events:
        Api:
          Type: Api
          Properties:
            Path: !Sub "/${Stage}/orders"
  Node:
    Type: AWS::Serverless::Function
    Properties:
      Handler: lib/handlers/index.handler
      Runtime: nodejs20.x
  Remote:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri:
        Bucket: my-bucket
        Key: code.zip
  Conditional:
    Type: AWS::Serverless::Function
    Properties:
      Handler: !If [IsProd, prod.main, dev.main]
  Image:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
  Inline:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "def handler(event, context): pass"
      Handler: index.handler
"""


def test_sam_template(tmp_path):
    template = write(tmp_path / "template.yaml", SAM)
    assert refs_of(template) == [
        ("src/app", "lambda_handler", "template.yaml:6"),
        ("functions/src/handlers/orders", "main", "template.yaml:22"),
        ("src/lib/handlers/index", "handler", "template.yaml:31"),
    ]


def test_sam_template_in_a_subfolder_resolves_against_it(tmp_path):
    write(tmp_path / "stacks/api/template.yml", SAM)
    refs, _ = handlers_from_descriptors([Path("stacks/api/template.yml")])
    assert refs[0] == HandlerRef((tmp_path / "stacks/api/src/app").resolve(), "lambda_handler")
    assert refs[0].origin == "stacks/api/template.yml:6"


def test_refs_match_discovered_sources(tmp_path):
    write(tmp_path / "template.yaml", SAM)
    write(tmp_path / "src/app.py", "")
    write(tmp_path / "functions/src/handlers/orders.py", "")
    write(tmp_path / "src/lib/handlers/index.js", "")
    found = discover([tmp_path], root=tmp_path)
    refs, _ = handlers_from_descriptors(found.descriptors)
    assert [[ref.matches(source.path) for source in found.sources] for ref in refs] == [
        [False, True, False],
        [True, False, False],
        [False, False, True],
    ]


def test_cloudformation_lambda_function(tmp_path):
    template = write(
        tmp_path / "packaged-template.yaml",
        """\
Resources:
  Local:
    Type: AWS::Lambda::Function
    Properties:
      Code: build/orders
      Handler: orders/api.handle
      Runtime: python3.11
  Uploaded:
    Type: AWS::Lambda::Function
    Properties:
      Code:
        S3Bucket: !Ref Bucket
        S3Key: orders.zip
      Handler: api.handle
  Zip:
    Type: AWS::Lambda::Function
    Properties:
      Code: s3://bucket/key.zip
      Handler: api.handle
""",
    )
    assert refs_of(template) == [("build/orders/orders/api", "handle", "packaged-template.yaml:6")]


def test_globals_apply_only_to_sam_functions(tmp_path):
    template = write(
        tmp_path / "template.yaml",
        """\
Globals:
  Function:
    Runtime: go1.x
Resources:
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Code: .
      Handler: app.main
""",
    )
    assert refs_of(template) == [("app", "main", "template.yaml:9")]


@pytest.mark.parametrize("runtime", ["go1.x", "provided.al2023", "java21", "dotnet8", "ruby3.3"])
def test_runtimes_without_file_handlers_are_skipped(tmp_path, runtime):
    template = write(
        tmp_path / "template.yaml",
        f"""\
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bootstrap.main
      Runtime: {runtime}
""",
    )
    assert refs_of(template) == []


def test_globals_runtime_is_skipped_too(tmp_path):
    template = write(
        tmp_path / "template.yaml",
        """\
Globals:
  Function:
    Runtime: provided.al2
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: bootstrap
""",
    )
    assert refs_of(template) == []


def test_json_template(tmp_path):
    template = {
        "Resources": {
            "Fn": {
                "Type": "AWS::Serverless::Function",
                "Properties": {"CodeUri": "hello/", "Handler": "app.handler", "Runtime": "nodejs20.x"},
            },
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"Handler": "not.a.function"}},
        }
    }
    path = write(tmp_path / "cdk/stack.template.json", json.dumps(template))
    assert refs_of(path) == [("cdk/hello/app", "handler", "cdk/stack.template.json")]


def test_serverless(tmp_path):
    path = write(
        tmp_path / "svc/serverless.yml",
        """\
service: orders
provider:
  name: aws
  runtime: python3.12
  environment:
    STAGE: ${sls:stage}
functions:
  create:
    handler: src/handlers/create.main
  legacy:
    handler: handlers.legacy.run
  variable:
    handler: ${self:custom.handlerPath}.main
  prebuilt:
    handler: app.main
    package:
      artifact: dist/prebuilt.zip
  container:
    image: 123.dkr.ecr.eu-west-1.amazonaws.com/app:latest
  native:
    handler: bootstrap
    runtime: provided.al2
resources:
  Resources:
    Queue:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: !Sub "${AWS::StackName}-queue"
""",
    )
    assert refs_of(path) == [
        ("svc/src/handlers/create", "main", "svc/serverless.yml:9"),
        ("svc/handlers/legacy", "run", "svc/serverless.yml:11"),
    ]


def test_unparseable_descriptor_warns_and_is_skipped(tmp_path):
    broken = write(tmp_path / "template.yaml", "Resources:\n  Fn: [unclosed\n")
    bad_json = write(tmp_path / "api/template.json", "{")
    good = write(tmp_path / "serverless.yaml", "functions:\n  a:\n    handler: app.main\n")
    missing = tmp_path / "gone/template.yaml"
    refs, warnings = handlers_from_descriptors([broken, bad_json, good, missing])
    assert [ref.function for ref in refs] == ["main"]
    assert len(warnings) == 3
    assert warnings[0].startswith("template.yaml: cannot parse: ") and "line" in warnings[0]
    assert warnings[1].startswith("api/template.json: cannot parse: ")
    assert warnings[2].startswith("gone/template.yaml: cannot parse: ")
    assert all("\n" not in warning for warning in warnings)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "- a list\n",
        "name: email template\nbody: hello\n",
        "Resources: not-a-mapping\n",
        "Resources:\n  Fn: text\n  Other:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n",
    ],
)
def test_descriptors_that_are_not_templates_give_nothing(tmp_path, text):
    assert refs_of(write(tmp_path / "email-template.yaml", text)) == []


def test_handlers_without_a_function_part_are_skipped(tmp_path):
    template = write(
        tmp_path / "template.yaml",
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: bootstrap\n",
    )
    assert refs_of(template) == []


def test_no_descriptors():
    assert handlers_from_descriptors([]) == ((), ())
