# Sourced by scripts/test: makes sure Debian's Chromium and its driver are installed for the browser
# tests (Selenium drives /usr/bin/chromium through /usr/bin/chromedriver; nothing is downloaded at
# run time). Installs them with apt when missing; stops with a clear message when it cannot.

quire_need_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  echo "Installing chromium and chromium-driver for the browser tests (apt)..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "The browser tests need chromium and chromium-driver; install them as root:" >&2
      echo "  apt-get install chromium chromium-driver" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null 2>&1
    $sudo apt-get install -y -q chromium chromium-driver >/dev/null
  } || {
    echo "Could not install chromium and chromium-driver with apt; the browser tests need them." >&2
    exit 1
  }
}
quire_need_browser
