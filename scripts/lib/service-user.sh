# Sourced by scripts/postgres and scripts/opensearch: both servers refuse to run as root, so as
# root they run as an unprivileged system user (created once); otherwise as the caller.
QUIRE_SERVICE_USER="${QUIRE_SERVICE_USER:-quire-svc}"
QUIRE_SERVICES_DIR="${QUIRE_SERVICES_DIR:-/tmp/quire-services}"

ensure_service_user() {
  if [ "$(id -u)" -eq 0 ] && ! id "$QUIRE_SERVICE_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$QUIRE_SERVICE_USER"
  fi
}

as_service_user() {
  if [ "$(id -u)" -eq 0 ]; then
    ensure_service_user
    runuser -u "$QUIRE_SERVICE_USER" -- "$@"
  else
    "$@"
  fi
}

service_dir() {
  # A directory the service user owns: $QUIRE_SERVICES_DIR/$1
  local d="$QUIRE_SERVICES_DIR/$1"
  ensure_service_user
  mkdir -p "$d"
  chmod 755 "$QUIRE_SERVICES_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$QUIRE_SERVICE_USER" "$d"; fi
  echo "$d"
}
