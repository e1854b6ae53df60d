# Shared bootstrap for the scripts: find or install uv, then install the locked dependencies.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export UV_PYTHON_DOWNLOADS=never
if command -v uv >/dev/null 2>&1; then
  UV=(uv)
else
  python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet "uv==0.13.9"
  UV=(python3 -m uv)
fi
"${UV[@]}" sync --frozen --quiet
