# Sourced by ci_test.sh and bench.sh: a Spark standalone master and one
# worker on 127.0.0.1 from the PyPI pyspark package, stopped by stop_cluster.
# Needs WORK (a scratch directory); sets MASTER_URL and CLUSTER_PIDS.
PYSPARK_PIN=${PYSPARK_PIN:-4.0.1}
CLUSTER_PIDS=()

ensure_pyspark() {
  java -version 2>&1 | head -1 >&2 || { echo "spark: java not found (Spark needs Java 17+)" >&2; return 1; }
  if ! python3 -c "import pyspark" 2>/dev/null; then
    echo "spark: installing pyspark==$PYSPARK_PIN" >&2
    python3 -m pip install --quiet "pyspark==$PYSPARK_PIN"
  fi
  SPARK_HOME=$(python3 -c "import os, pyspark; print(os.path.dirname(pyspark.__file__))")
  export SPARK_HOME
  export PYSPARK_PYTHON=${PYSPARK_PYTHON:-$(command -v python3)}
  export SPARK_LOCAL_IP=127.0.0.1
}

_free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }

_wait_for() { # file pattern seconds
  for _ in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "spark: timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; return 1
}

start_cluster() { # worker cores, worker memory
  local cores=${1:-2} mem=${2:-2g} mport mui wui
  mport=$(_free_port); mui=$(_free_port); wui=$(_free_port)
  mkdir -p "$WORK/worker"
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$mport" --webui-port "$mui" > "$WORK/master.log" 2>&1 &
  CLUSTER_PIDS+=($!)
  _wait_for "$WORK/master.log" "I have been elected leader" 90
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory "$mem" --webui-port "$wui" --work-dir "$WORK/worker" \
    "spark://127.0.0.1:$mport" > "$WORK/worker.log" 2>&1 &
  CLUSTER_PIDS+=($!)
  _wait_for "$WORK/worker.log" "Successfully registered with master" 90
  MASTER_URL="spark://127.0.0.1:$mport"
}

stop_cluster() {
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${CLUSTER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  CLUSTER_PIDS=()
}
