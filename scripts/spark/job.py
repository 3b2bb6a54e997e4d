"""wirepipe on Apache Spark: one `wirepipe run --shard I/N` per partition, then one `wirepipe merge`.

    spark-submit [--master URL] scripts/spark/job.py --binary /abs/path/wirepipe \
        --input /shared/pages --output /shared/out [--shards N | --pages-per-shard K] [--config pipeline.json]

The driver reads the list of input files (to size the split and to fail early on an empty input), makes
N = --shards partitions (default: one per --pages-per-shard pages, at least the default parallelism,
at most the number of pages), and pipes each partition's shard name ("I/N") through RDD.pipe into a small
sh loop that runs `wirepipe run --shard I/N`. wirepipe picks its own pages by a stable hash of each page
id, so every task sees the same partition whatever machine it lands on, and a retried or speculative task
is harmless: it waits for the shard's lock and then skips a shard whose stats.part-I-of-N.json exists.
The driver then merges the N partial statistics with `wirepipe merge`, which refuses an incomplete or
mixed set; the result is the stats.json a single-machine run over the same input writes.

On a cluster, --input and --output must be on a filesystem every executor and the driver mount at the
same path (NFS, Lustre, CephFS...), and --binary must exist there with its wirepipe_WirePipe.resources
folder beside it (copy both from .build/<configuration>/). RDD.pipe starts its command with an empty
environment, so the environment is passed explicitly (--env NAME=VALUE adds to it) and exit codes are
checked (checkCode=True): a shard that fails fails its task, which Spark retries. Exit code 1 (the shard
finished, but more of its pages failed than run.max_failure_ratio allows) is not a task failure: a retry
would change nothing. The statistics are merged all the same and the job then exits 1, as `wirepipe run`
would.
"""

import argparse
import math
import os
import shlex
import subprocess
import sys
import time

from pyspark import SparkConf, SparkContext

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

# Reads shard names ("I/N") on stdin, one per line, and runs the shard; "$0" names the script in ps.
SHARD_LOOP = r'''
bin="$1"; shift
while IFS= read -r shard; do
  [ -n "$shard" ] || continue
  echo "shard $shard: start on $(hostname) pid $$"
  status=0
  "$bin" run --shard "$shard" "$@" 2>&1 || status=$?
  case $status in
    0) echo "shard $shard: done" ;;
    1) echo "shard $shard: done, page failures beyond run.max_failure_ratio (exit 1)" ;;
    *) echo "shard $shard: exit $status" >&2; exit $status ;;
  esac
done
'''


def input_files(root):
    """The page files under root, as wirepipe's input walker counts them (hidden files left out)."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(PAGE_SUFFIXES):
                files.append(os.path.relpath(os.path.join(folder, name), root))
    return files


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="absolute path of the wirepipe binary on every node")
    parser.add_argument("--input", required=True, help="folder of saved pages (shared by every node)")
    parser.add_argument("--output", required=True, help="output folder (shared by every node)")
    parser.add_argument("--config", help="pipeline.json (absolute path on every node)")
    parser.add_argument("--shards", type=int, help="number of shards (default: from --pages-per-shard)")
    parser.add_argument("--pages-per-shard", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=1, help="wirepipe --jobs per task (default 1: one core a task)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the wirepipe processes")
    args = parser.parse_args(argv)

    binary = os.path.abspath(args.binary)
    input_root = os.path.abspath(args.input)
    output_root = os.path.abspath(args.output)
    if not os.access(binary, os.X_OK):
        sys.exit(f"job.py: {binary} is not an executable")

    sc = SparkContext(conf=SparkConf().setAppName("wirepipe"))
    sc.setLogLevel("WARN")
    started = time.time()
    files = input_files(input_root)
    if not files:
        sys.exit(f"job.py: no pages under {input_root}")
    shards = args.shards or max(sc.defaultParallelism, math.ceil(len(files) / args.pages_per_shard))
    shards = max(1, min(shards, len(files)))
    print(f"job.py: {len(files)} pages in {input_root}; {shards} shards", flush=True)

    # RDD.pipe gives its command this environment and nothing else.
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": os.environ.get("TMPDIR", "/tmp")}
    if "LD_LIBRARY_PATH" in os.environ:
        env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    for item in args.env:
        name, _, value = item.partition("=")
        env[name] = value

    options = ["--input", input_root, "--output", output_root, "--jobs", str(args.jobs), "--log-level", "warning"]
    if args.config:
        options += ["--config", os.path.abspath(args.config)]
    command = ["/bin/sh", "-c", SHARD_LOOP, "wirepipe-shard", binary] + options
    names = [f"{i}/{shards}" for i in range(shards)]
    # RDD.pipe takes one string and splits it with shlex: shlex.join quotes the script and the paths.
    lines = sc.parallelize(names, shards).pipe(shlex.join(command), env=env, checkCode=True).collect()
    for line in lines:
        print(f"job.py: {line}")
    too_many_failures = [line for line in lines if line.endswith("(exit 1)")]
    ran = time.time() - started

    # The merge runs on the driver: it reads N small files, and refuses a missing or doubled shard.
    partials = [os.path.join(output_root, f"stats.part-{i}-of-{shards}.json") for i in range(shards)]
    merge = [binary, "merge"] + partials + ["--output", output_root]
    if args.config:
        merge += ["--config", os.path.abspath(args.config)]
    result = subprocess.run(merge, env=env, capture_output=True, text=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    sc.stop()
    if result.returncode != 0:
        sys.exit(result.returncode)
    print(f"job.py: shards {ran:.1f}s, total {time.time() - started:.1f}s; statistics in {output_root}/stats.json", flush=True)
    if too_many_failures:
        print(f"job.py: {len(too_many_failures)} shard(s) had more failed pages than run.max_failure_ratio allows; see run-report.part-*.json", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
