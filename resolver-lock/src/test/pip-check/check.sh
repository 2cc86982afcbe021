#!/usr/bin/env bash
# Development check, not part of the build: pip accepts pylock4j's requirements.txt with
# --require-hashes, refuses it when a hash is wrong, and packaging.pylock accepts pylock.toml.
# Run from the repository root after `mvn -o -pl resolver-lock -am compile`:
#   resolver-lock/src/test/pip-check/check.sh
set -euo pipefail
export PIP_CONFIG_FILE=/dev/null
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_INDEX_URL
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$here/make_index.py" "$work/index" > "$work/files.tsv"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/index" >/dev/null 2>&1 &
server=$!
m2=$HOME/.m2/repository/com/fasterxml/jackson
cp=resolver-api/target/classes:resolver-lock/target/classes
cp=$cp:$(ls $m2/dataformat/jackson-dataformat-toml/2.23.0/*.jar):$(ls $m2/core/jackson-databind/2.23.0/*.jar):$(ls $m2/core/jackson-core/2.23.0/*.jar)
java -cp "$cp" "$here/WriteLock.java" "$work/files.tsv" "http://127.0.0.1:$port" "$work"
cat "$work/requirements.txt"
for i in 1 2 3 4 5 6 7 8 9 10; do curl -sf "http://127.0.0.1:$port/simple/" -o /dev/null && break || sleep 0.3; done
pip install --dry-run --require-hashes --no-deps --no-cache-dir --index-url "http://127.0.0.1:$port/simple/" \
  --report "$work/report.json" -r "$work/requirements.txt"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('pip would install:', sorted(i['metadata']['name']+' '+i['metadata']['version'] for i in r['install']))" "$work/report.json"
sed 's/--hash=sha256:\(.\)/--hash=sha256:0/' "$work/requirements.txt" > "$work/tampered.txt"
if pip install --dry-run --require-hashes --no-deps --no-cache-dir --index-url "http://127.0.0.1:$port/simple/" -r "$work/tampered.txt" >/dev/null 2>&1; then
  echo "FAIL: pip accepted tampered hashes"; exit 1
else
  echo "ok: pip refuses tampered hashes"
fi
python3 -c "import tomllib,sys; from packaging.pylock import Pylock; p=Pylock.from_dict(tomllib.load(open(sys.argv[1],'rb'))); print('packaging.pylock accepts pylock.toml:', [x.name for x in p.packages])" "$work/pylock.toml"
for f in resolver-lock/src/test/resources/lock/*.pylock.toml; do
  python3 -c "import tomllib,sys; from packaging.pylock import Pylock; Pylock.from_dict(tomllib.load(open(sys.argv[1],'rb'))); print('packaging.pylock accepts', sys.argv[1])" "$f"
done
