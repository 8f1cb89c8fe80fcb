#!/usr/bin/env bash
# Release a version: migrations first (a Job, waited for), then the API and worker deployments.
#   infra/k8s/rollout.sh <image>        e.g. infra/k8s/rollout.sh registry.example.org/lesplein-api:1.4.0
# Needs kubectl with kustomize (built in) and the Secret lesplein-secrets in the namespace.
set -euo pipefail
image="${1:?usage: rollout.sh <image:tag>}"
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ns=lesplein

kubectl apply -f "$dir/namespace.yaml" -f "$dir/serviceaccount.yaml" -f "$dir/configmap.yaml"
kubectl -n "$ns" get secret lesplein-secrets >/dev/null || { echo "Create the Secret lesplein-secrets first (see secret.example.yaml)." >&2; exit 1; }

# 1. Migrations (forward-only, safe while the old release runs): a new Job each release.
kubectl -n "$ns" delete job lesplein-migrate --ignore-not-found --wait=true
sed "s#image: lesplein-api\$#image: ${image}#" "$dir/migrate-job.yaml" | kubectl apply -f -
if ! kubectl -n "$ns" wait --for=condition=complete job/lesplein-migrate --timeout=30m; then
  kubectl -n "$ns" logs job/lesplein-migrate --tail=100 >&2 || true
  echo "Migrations failed: the running release is untouched." >&2
  exit 1
fi

# 2. The release itself (API, worker, autoscaler, ingress, backups).
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp "$dir"/*.yaml "$tmp"/
sed -i "s#^  - name: lesplein-api\$#  - name: lesplein-api\n    newName: ${image%:*}#; s#newTag: .*#newTag: \"${image##*:}\"#" "$tmp/kustomization.yaml"
kubectl apply -k "$tmp"
kubectl -n "$ns" rollout status deployment/lesplein-api --timeout=15m
kubectl -n "$ns" rollout status deployment/lesplein-worker --timeout=15m
