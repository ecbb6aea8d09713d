"""lambdalint's speed against a bare tree-sitter parse of the same files, in one process.

    python benchmarks/run.py [--files 2400] [--share 0.4] [--rounds 3]

Generates a tree of Python files shaped like a Lambda project (handlers that use boto3,
redis, pymysql and requests; plus the usual models, utilities and tests that use none of
them: ``--share`` is the fraction that mention a modeled library, 40 % in the real-world tree
behind lambdalint's design), then prints:

- lambdalint's time (discover, read, prefilter, parse, extract, check) divided by a bare
  parse (read + tree-sitter parse) of every file, best of ``--rounds`` each, interleaved;
- the same ratio over the files that mention a modeled library only (no prefilter benefit);
- the wall time of ``lambdalint check`` on one small file, and whether libcst was imported.

Targets: ratio at most 2.0; the small file under 150 ms with no libcst import.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lambdalint import engine, syntax
from lambdalint.config import load_config
from lambdalint.languages.python import PREFILTER
from lambdalint.registry import all_options, is_selector, select

WORK = Path(__file__).resolve().parent / ".work"

HANDLER = '''"""Handler {n}: {what}."""

import json
import os
{imports}

{module_level}


def _parse(event):
    body = event.get("body") or "{{}}"
    data = json.loads(body)
    return {{k: v for k, v in data.items() if not k.startswith("_")}}


def {helper}(item, attempt=0):
    {helper_body}
    return item


class Service{n}:
    def __init__(self, table):
        self.table = table
        self.seen = set()

    def load(self, key):
        if key in self.seen:
            return None
        self.seen.add(key)
        return self.table.get_item(Key={{"id": key}}).get("Item")


def {handler}(event, context):
    data = _parse(event)
    results = []
    {handler_body}
    for index, record in enumerate(event.get("Records", [])):
        results.append({helper}(record, index))
    return {{"statusCode": 200, "body": json.dumps({{"count": len(results), "data": data}})}}
'''

SHAPES = [
    ("imports boto3 at module level", "import boto3\nfrom botocore.config import Config",
     'ddb = boto3.resource("dynamodb", config=Config(connect_timeout=1, read_timeout=2))\n'
     'table = ddb.Table(os.environ.get("TABLE", "t"))',
     'results.append(Service{n}(table).load(data.get("id", "x")))'),
    ("client per invocation", "import boto3",
     "REGION = os.environ.get('AWS_REGION', 'us-east-1')",
     's3 = boto3.client("s3", region_name=REGION)\n    results.append(s3.list_buckets())'),
    ("lazy redis singleton", "import redis",
     "_cache = None\n\n\ndef cache():\n    global _cache\n    if _cache is None:\n"
     "        _cache = redis.Redis(host='r', socket_connect_timeout=1, socket_timeout=0.5)\n    return _cache",
     'results.append(cache().get(data.get("id", "x")))'),
    ("requests without timeout", "import requests",
     "BASE = os.environ.get('API', 'https://api.example')",
     'results.append(requests.get(BASE + "/items", params=data).json())'),
    ("pymysql helper", "import pymysql",
     "def connect():\n    return pymysql.connect(host=os.environ.get('DB', 'db'), connect_timeout=1)",
     "conn = connect()\n    results.append(conn.open)"),
]

PLAIN = '''"""{what} {n}."""

from __future__ import annotations

import dataclasses
import itertools
from typing import Iterable


@dataclasses.dataclass(frozen=True)
class Record{n}:
    key: str
    value: int
    tags: tuple[str, ...] = ()

    def weight(self) -> float:
        return self.value * (1.5 if "hot" in self.tags else 1.0)


def group_{n}(records: Iterable[Record{n}]) -> dict[str, list[Record{n}]]:
    out: dict[str, list[Record{n}]] = {{}}
    for key, items in itertools.groupby(sorted(records, key=lambda r: r.key), key=lambda r: r.key):
        out[key] = list(items)
    return out


def summarise_{n}(records: Iterable[Record{n}]) -> dict[str, float]:
    totals = {{}}
    for key, items in group_{n}(records).items():
        weights = [r.weight() for r in items]
        totals[key] = sum(weights) / max(len(weights), 1)
    return totals


def validate_{n}(payload: dict) -> list[str]:
    errors = []
    for field in ("key", "value"):
        if field not in payload:
            errors.append(f"missing {{field}}")
    if not isinstance(payload.get("value"), int):
        errors.append("value must be an int")
    return errors
'''


def generate(root: Path, files: int, share: float, seed: int = 7) -> None:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for n in range(files):
        folder = root / f"service{n % 40}" / ("handlers" if n % 3 else "lib")
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < share:
            what, imports, module_level, body = rng.choice(SHAPES)
            text = HANDLER.format(n=n, what=what, imports=imports, module_level=module_level.format(n=n),
                                  helper=f"enrich_{n}", helper_body="item = dict(item)",
                                  handler="lambda_handler" if n % 2 else "handler",
                                  handler_body=body.format(n=n))
        else:
            text = PLAIN.format(n=n, what=rng.choice(["Models", "Utilities", "Validation"]))
        (folder / f"module_{n}.py").write_text(text * rng.randint(1, 3))


def bare_parse(paths: list[Path]) -> None:
    for path in paths:
        syntax.parse("python", path.read_bytes())


def best(function, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def small_file_wall(folder: Path, runs: int = 10) -> tuple[float, bool]:
    small = folder / "small.py"
    small.write_text('import boto3\n\n\ndef handler(event, context):\n    return boto3.client("s3").list_buckets()\n')
    command = [sys.executable, "-m", "lambdalint", "check", "-q", str(small)]
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
    trace = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], capture_output=True, text=True)
    return statistics.median(walls), "libcst" in trace.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2400)
    parser.add_argument("--share", type=float, default=0.4)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    tree = WORK / "tree"
    generate(tree, args.files, args.share)
    paths = sorted(tree.rglob("*.py"))
    size = sum(p.stat().st_size for p in paths)
    config = load_config(None, cwd=tree, is_code=is_selector, options=all_options())
    rules = select(None, (), ())  # the default selection, as `lambdalint check` runs it
    relevant = [p for p in paths if PREFILTER.search(p.read_bytes())]

    bare_parse(paths)  # warm the grammar and the page cache
    lint_all = lambda: engine.run([tree], config, rules)  # noqa: E731
    lint_relevant = lambda: engine.run(relevant, config, rules)  # noqa: E731
    parse_all, ours_all = best(lambda: bare_parse(paths), args.rounds), best(lint_all, args.rounds)
    parse_rel, ours_rel = best(lambda: bare_parse(relevant), args.rounds), best(lint_relevant, args.rounds)
    report = lint_all()
    wall, libcst = small_file_wall(WORK)

    print(f"tree: {len(paths)} Python files, {size / 1e6:.1f} MB, {len(relevant)} mention a modeled library; "
          f"{len(report.findings)} findings")
    print(f"bare tree-sitter parse (read + parse, all files): {parse_all * 1000:.0f} ms "
          f"({size / 1e6 / parse_all:.1f} MB/s)")
    print(f"lambdalint check (all files):                      {ours_all * 1000:.0f} ms")
    print(f"ratio lambdalint / bare parse:                     {ours_all / parse_all:.2f}  (target <= 2.0)")
    print(f"ratio on the {len(relevant)} files that mention a modeled library: {ours_rel / parse_rel:.2f}")
    print(f"lambdalint check on one small file (wall, median of 10): {wall * 1000:.0f} ms  (target < 150 ms); "
          f"libcst imported: {'yes' if libcst else 'no'}")


if __name__ == "__main__":
    main()
